import { randomBytes } from 'node:crypto';
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import pino from 'pino';
import { createMuquContext, type MuquContext } from '../../src-main/muqu/context';
import { pushJob } from '../../src-main/muqu/jobs';
import { createQueue } from '../../src-main/muqu/queues';
import { sqsQueueNames } from '../../src-shared/muqu-names';
import { ReceiptRegistry } from '../../src-main/muqu/receipts';
import { RecentDeletions } from '../../src-main/muqu/recent-deletions';
import { RecentPushes } from '../../src-main/muqu/recent-pushes';
import { SANDBOX_REGION, startSandbox, type Sandbox } from '../../src-main/sandbox/sandbox';
import type { Logger } from '../../src-main/logger';

/**
 * Dummy keys for every client in the tests. Passing them explicitly keeps the SDK
 * away from its default credential chain, which would end at the instance
 * metadata address.
 */
export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIATESTTESTTEST',
  secretAccessKey: 'test-secret-key-never-shown',
};

export const silentLogger: Logger = pino({ level: 'silent' });

/** Returns the error a promise rejects with, and throws when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail, but it succeeded');
    },
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
}

/**
 * Creates an SDK client for a sandbox on 127.0.0.1, with one attempt per request.
 * fauxqs keeps queues per region, taken from the request signature.
 */
export function createTestSqsClient(endpoint: string, region = SANDBOX_REGION): SQSClient {
  return new SQSClient({
    endpoint,
    region,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  });
}

/** A clock for a MuQu context that tests can move forward. */
export class TestClock {
  offsetMs = 0;

  readonly now = (): number => Date.now() + this.offsetMs;

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Creates a MuQu context whose receipt, push and deletion records all read `clock`. */
export function createTestContext(sqs: SQSClient, endpoint: string, clock: TestClock): MuquContext {
  return {
    ...createMuquContext(sqs, endpoint, silentLogger),
    receipts: new ReceiptRegistry(clock.now),
    pushes: new RecentPushes(clock.now),
    deletions: new RecentDeletions(clock.now),
    now: clock.now,
  };
}

export interface TestServer {
  sandbox: Sandbox;
  /** A plain SDK client for setting up and checking state behind the app's back. */
  sqs: SQSClient;
  /** The app's context, on its own SDK client. */
  context: MuquContext;
  clock: TestClock;
  stop(): Promise<void>;
}

/** Starts a fauxqs sandbox on 127.0.0.1 and a free port, with an app context for it. */
export async function startTestServer(): Promise<TestServer> {
  const sandbox = await startSandbox(0);
  const sqs = createTestSqsClient(sandbox.endpoint);
  const appSqs = createTestSqsClient(sandbox.endpoint);
  const clock = new TestClock();
  const context = createTestContext(appSqs, sandbox.endpoint, clock);
  return {
    sandbox,
    sqs,
    context,
    clock,
    stop: async () => {
      sqs.destroy();
      appSqs.destroy();
      await sandbox.stop();
    },
  };
}

let queueCounter = 0;

/**
 * Returns a MuQu name no other test uses, because the app blocks a deleted name
 * for 60 s. The result is at most 40 characters, so suffixes still fit.
 */
export function uniqueQueueName(prefix: string): string {
  queueCounter += 1;
  return `${prefix.slice(0, 24)}-${queueCounter}-${randomBytes(3).toString('hex')}`;
}

/** Creates a MuQu queue through the app and pushes `bodies` to it in order. */
export async function createQueueWithJobs(
  context: MuquContext,
  prefix: string,
  bodies: string[] = [],
): Promise<{ name: string; main: string; deadLetter: string }> {
  const name = uniqueQueueName(prefix);
  await createQueue(context, name);
  for (const body of bodies) await pushJob(context, name, body);
  return { name, ...sqsQueueNames(name) };
}

/** Tells whether a queue exists, by asking GetQueueUrl. */
export async function queueExists(sqs: SQSClient, sqsName: string): Promise<boolean> {
  return sqs.send(new GetQueueUrlCommand({ QueueName: sqsName })).then(
    () => true,
    () => false,
  );
}

export async function queueUrlOf(sqs: SQSClient, sqsName: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: sqsName }));
  if (QueueUrl === undefined) throw new Error(`GetQueueUrl returned no URL for ${sqsName}`);
  return QueueUrl;
}

/** Reads all attributes of a queue straight from the server. */
export async function readQueueAttributes(
  sqs: SQSClient,
  sqsName: string,
): Promise<Record<string, string>> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: await queueUrlOf(sqs, sqsName),
      AttributeNames: ['All'],
    }),
  );
  return Attributes ?? {};
}

/** Reads the visible and in-flight message counts of a queue straight from the server. */
export async function readMessageCounts(
  sqs: SQSClient,
  sqsName: string,
): Promise<{ visible: number; inFlight: number }> {
  const attributes = await readQueueAttributes(sqs, sqsName);
  return {
    visible: Number(attributes.ApproximateNumberOfMessages),
    inFlight: Number(attributes.ApproximateNumberOfMessagesNotVisible),
  };
}

/** Receives up to one message without waiting, as a worker with a short poll would. */
export async function receiveDirectly(
  sqs: SQSClient,
  sqsName: string,
  visibilityTimeout?: number,
): Promise<Message | null> {
  const { Messages } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: await queueUrlOf(sqs, sqsName),
      MaxNumberOfMessages: 1,
      WaitTimeSeconds: 0,
      VisibilityTimeout: visibilityTimeout,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  return Messages?.[0] ?? null;
}

export interface RecordedRequest {
  /** The SDK command name, such as `SendMessageCommand`. */
  command: string;
  input: Record<string, unknown>;
}

/**
 * Records every request an SDK client sends, in order, by a step in its middleware
 * stack. The requests still go to the server; nothing is mocked.
 */
export function recordRequests(sqs: SQSClient): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  sqs.middlewareStack.add(
    (next, context) => async (args) => {
      requests.push({
        command: context.commandName ?? '',
        input: args.input as Record<string, unknown>,
      });
      return next(args);
    },
    { step: 'initialize', name: `testRequestRecorder${randomBytes(4).toString('hex')}` },
  );
  return requests;
}
