import type { Connection } from '../../src-shared/api';
import { MuquError } from '../../src-shared/errors';
import type { Logger } from '../logger';
import { createMuquContext, type MuquContext } from '../muqu/context';
import { SANDBOX_REGION, type Sandbox } from '../sandbox/sandbox';
import { createSqsClient, type StaticCredentials } from '../sqs/client';

export const SANDBOX_CONNECTION_ID = 'sandbox';
export const ENVIRONMENT_CONNECTION_ID = 'environment';

interface ConnectionEntry {
  info: Connection;
  context: MuquContext;
  /** Why requests cannot be sent: an invalid endpoint or missing credentials. */
  unusableBecause: string | null;
  unusableCode: 'CONNECTION_FAILED' | 'CREDENTIALS_MISSING';
}

/**
 * The connections this run of the app offers: the local sandbox first, then the SQS
 * endpoint named by MUQU_SQS_ENDPOINT, if any. Credentials stay in this class, and the
 * renderer receives only {@link Connection}.
 */
export class Connections {
  private readonly entries = new Map<string, ConnectionEntry>();

  constructor(private readonly log: Logger) {}

  addSandbox(sandbox: Sandbox): void {
    // The sandbox checks no signatures; these fixed keys are not a secret.
    const credentials = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' };
    this.add(
      {
        id: SANDBOX_CONNECTION_ID,
        label: 'Local sandbox',
        kind: 'sandbox',
        region: SANDBOX_REGION,
        endpoint: sandbox.endpoint,
        description: 'In memory on this computer: queues last while the app runs.',
      },
      credentials,
    );
  }

  /** Adds the connection described by MUQU_SQS_ENDPOINT and the standard AWS variables. */
  addFromEnvironment(environment: NodeJS.ProcessEnv): void {
    const rawEndpoint = environment.MUQU_SQS_ENDPOINT?.trim();
    if (rawEndpoint === undefined || rawEndpoint === '') return;
    const problem = endpointProblem(rawEndpoint);
    // An unusable connection is still listed, with the problem, so the user sees why.
    // Its client is never called, so the reserved .invalid host is never looked up.
    const endpoint = problem === null ? rawEndpoint : 'http://endpoint.invalid';

    const region =
      environment.AWS_REGION ??
      environment.AWS_DEFAULT_REGION ??
      regionFromEndpoint(endpoint) ??
      'us-east-1';
    const credentials: StaticCredentials = {
      accessKeyId: environment.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: environment.AWS_SECRET_ACCESS_KEY ?? '',
      ...(environment.AWS_SESSION_TOKEN ? { sessionToken: environment.AWS_SESSION_TOKEN } : {}),
    };
    const hasKeys = credentials.accessKeyId !== '' && credentials.secretAccessKey !== '';
    this.add(
      {
        id: ENVIRONMENT_CONNECTION_ID,
        label: 'From environment',
        kind: 'environment',
        region,
        endpoint: problem === null ? endpoint : '(invalid MUQU_SQS_ENDPOINT)',
        description: hasKeys
          ? `MUQU_SQS_ENDPOINT with key ${maskKeyId(credentials.accessKeyId)}`
          : 'MUQU_SQS_ENDPOINT without AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
      },
      credentials,
      problem,
    );
  }

  list(): Connection[] {
    return [...this.entries.values()].map((entry) => entry.info);
  }

  /** Returns the MuQu context of a connection, rejecting unknown ids and missing keys. */
  context(id: string): MuquContext {
    const entry = this.entries.get(id);
    if (entry === undefined) {
      throw new MuquError(
        'CONNECTION_NOT_FOUND',
        `There is no connection "${id}". Pick one from the list.`,
      );
    }
    if (entry.unusableBecause !== null) {
      throw new MuquError(entry.unusableCode, entry.unusableBecause);
    }
    return entry.context;
  }

  destroy(): void {
    for (const entry of this.entries.values()) entry.context.sqs.destroy();
    this.entries.clear();
  }

  private add(
    info: Connection,
    credentials: StaticCredentials,
    problem: string | null = null,
  ): void {
    const log = this.log.child({ connection: info.id });
    const endpoint = problem === null ? info.endpoint : 'http://endpoint.invalid';
    const sqs = createSqsClient({ endpoint, region: info.region, credentials });
    const context = createMuquContext(sqs, info.endpoint, log);
    const missingKeys = credentials.accessKeyId === '' || credentials.secretAccessKey === '';
    const missingKeysProblem =
      `The "${info.label}" connection has no credentials. Set AWS_ACCESS_KEY_ID and ` +
      'AWS_SECRET_ACCESS_KEY in the environment, then restart the app.';
    const unusableBecause = problem ?? (missingKeys ? missingKeysProblem : null);
    if (problem !== null) log.error({ problem }, 'connection unusable');
    const unusableCode = problem === null ? 'CREDENTIALS_MISSING' : 'CONNECTION_FAILED';
    this.entries.set(info.id, { info, context, unusableBecause, unusableCode });
    log.info({ endpoint: info.endpoint, region: info.region }, 'connection added');
  }
}

/**
 * Returns why an endpoint from the environment cannot be used, or null when it can.
 * Credentials inside the URL are rejected, because the URL is shown and logged.
 */
export function endpointProblem(endpoint: string): string | null {
  const example = 'such as https://sqs.eu-west-1.amazonaws.com or http://127.0.0.1:4566';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `MUQU_SQS_ENDPOINT is not a valid URL. Set it to an http or https URL, ${example}, and restart the app.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `MUQU_SQS_ENDPOINT must be an http or https URL, ${example}. Fix it and restart the app.`;
  }
  if (url.username !== '' || url.password !== '') {
    return (
      'MUQU_SQS_ENDPOINT contains a user name or password. Remove them from the URL, put the ' +
      'keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and restart the app.'
    );
  }
  return null;
}

/** Reads the region out of an AWS endpoint such as https://sqs.eu-west-1.amazonaws.com. */
export function regionFromEndpoint(endpoint: string): string | null {
  const match = /\bsqs[.-]([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com/.exec(endpoint);
  return match?.[1] ?? null;
}

/** Shows the first four and last four characters of an access key id, which is not itself a secret. */
export function maskKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '****' : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}
