import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, QueueSummary } from '../src-shared/api';
import { MUQU_NAME_RULE } from '../src-shared/muqu-names';
import {
  ENVIRONMENT_CONNECTION_ID,
  maskKeyId,
  regionFromEndpoint,
  SANDBOX_CONNECTION_ID,
} from '../src-main/connections/connections';
import { SANDBOX_REGION, startSandbox, type Sandbox } from '../src-main/sandbox/sandbox';
import { createTestDispatch, dataOf, type TestDispatch } from './helpers/dispatch';
import {
  createTestSqsClient,
  recordRequests,
  uniqueQueueName,
  type RecordedRequest,
} from './helpers/sqs-sandbox';

const ENVIRONMENT_KEY_ID = 'AKIAENVIRONMENT1234';
const ENVIRONMENT_SECRET = 'environment-secret-7f3a9c';
const ENVIRONMENT_SESSION_TOKEN = 'environment-session-token-5d2e';

let sandbox: Sandbox;
let secondSandbox: Sandbox;
let app: TestDispatch;
let sandboxRequests: RecordedRequest[];

beforeAll(async () => {
  sandbox = await startSandbox(0);
  secondSandbox = await startSandbox(0);
  app = createTestDispatch(sandbox, {
    MUQU_SQS_ENDPOINT: secondSandbox.endpoint,
    AWS_ACCESS_KEY_ID: ENVIRONMENT_KEY_ID,
    AWS_SECRET_ACCESS_KEY: ENVIRONMENT_SECRET,
    AWS_SESSION_TOKEN: ENVIRONMENT_SESSION_TOKEN,
    AWS_REGION: 'eu-west-1',
  });
  sandboxRequests = recordRequests(app.connections.context(SANDBOX_CONNECTION_ID).sqs);
});

afterAll(async () => {
  app.connections.destroy();
  await sandbox.stop();
  await secondSandbox.stop();
});

async function queueExists(
  endpoint: string,
  sqsName: string,
  region = SANDBOX_REGION,
): Promise<boolean> {
  const sqs = createTestSqsClient(endpoint, region);
  try {
    await sqs.send(new GetQueueUrlCommand({ QueueName: sqsName }));
    return true;
  } catch {
    return false;
  } finally {
    sqs.destroy();
  }
}

describe('dispatch queue name check', () => {
  const invalidNames = [
    ['dot', 'my.queue'],
    ['64 characters', 'a'.repeat(64)],
    ['.fifo suffix', 'billing.fifo'],
    ['space', 'my queue'],
    ['accented letter', 'café'],
    ['slash', 'a/b'],
  ];

  it.each(invalidNames)('rejects %s with name rule', async (_case, name) => {
    const result = await app.dispatch('createQueue', { connectionId: 'sandbox', name });

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_QUEUE_NAME' } });
    expect(result.ok ? '' : result.error.message).toContain(
      'at most 63 characters: letters, digits, - and _',
    );
  });

  it.each(invalidNames)('creates no queue for %s', async (_case, name) => {
    await app.dispatch('createQueue', { connectionId: 'sandbox', name });

    expect(await queueExists(sandbox.endpoint, `${name}.fifo`)).toBe(false);
    expect(await queueExists(sandbox.endpoint, `${name}-dead-letter.fifo`)).toBe(false);
  });

  it('rejects bad names before any request', async () => {
    const before = sandboxRequests.length;

    for (const [, name] of invalidNames) {
      await app.dispatch('createQueue', { connectionId: 'sandbox', name });
    }

    expect(sandboxRequests).toHaveLength(before);
  });

  it('rejects empty name', async () => {
    const result = await app.dispatch('createQueue', { connectionId: 'sandbox', name: '' });

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_QUEUE_NAME' } });
    expect(result.ok ? '' : result.error.message).toContain(MUQU_NAME_RULE);
  });

  it('checks name on push too', async () => {
    const result = await app.dispatch('pushJob', {
      connectionId: 'sandbox',
      name: 'my.queue',
      body: '{"task": 1}',
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_QUEUE_NAME' } });
  });

  it('lets fauxqs create .fifo name without attribute, unlike AWS', async () => {
    const sqs = createTestSqsClient(sandbox.endpoint);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'billing-x.fifo' }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['FifoQueue'] }),
    );
    sqs.destroy();

    expect(Attributes?.FifoQueue).toBe('true');
  });

  it('lets fauxqs create 81-character name, unlike AWS', async () => {
    const sqs = createTestSqsClient(sandbox.endpoint);
    const name = `${'a'.repeat(76)}.fifo`;

    const created = await sqs.send(
      new CreateQueueCommand({ QueueName: name, Attributes: { FifoQueue: 'true' } }),
    );
    sqs.destroy();

    expect(created.QueueUrl?.endsWith(name)).toBe(true);
  });
});

describe('dispatch input check', () => {
  it('rejects unknown operation', async () => {
    const result = await app.dispatch('dropAllQueues', {});

    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Unknown operation "dropAllQueues".' },
    });
  });

  it.each(['toString', '__proto__', 'constructor'])('rejects inherited name %s', async (name) => {
    const result = await app.dispatch(name, {});

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('rejects unknown connection id', async () => {
    const result = await app.dispatch('listQueues', { connectionId: 'production' });

    expect(result).toMatchObject({ ok: false, error: { code: 'CONNECTION_NOT_FOUND' } });
  });

  it('rejects missing connection id', async () => {
    const result = await app.dispatch('listQueues', {});

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^connectionId: /);
  });

  it('rejects unknown queue role', async () => {
    const result = await app.dispatch('peekJob', {
      connectionId: 'sandbox',
      name: 'jobs',
      queue: 'archive',
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('rejects body above 1 MiB characters', async () => {
    const result = await app.dispatch('pushJob', {
      connectionId: 'sandbox',
      name: 'jobs',
      body: `{"x": "${'x'.repeat(1_048_576)}"}`,
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'MESSAGE_TOO_LARGE' } });
    expect(result.ok ? '' : result.error.message).toContain('1,048,576 bytes');
  });

  it('returns job check error as data', async () => {
    const name = uniqueQueueName('checked');
    await app.dispatch('createQueue', { connectionId: 'sandbox', name });

    const result = await app.dispatch('pushJob', { connectionId: 'sandbox', name, body: '[]' });

    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_JSON_OBJECT' } });
  });
});

describe('dispatch job round trip', () => {
  it('pushes, fetches and removes job', async () => {
    const name = uniqueQueueName('roundtrip');
    const target = { connectionId: 'sandbox', name, queue: 'main' };
    dataOf(await app.dispatch('createQueue', { connectionId: 'sandbox', name }));
    dataOf(await app.dispatch('pushJob', { connectionId: 'sandbox', name, body: '{"n": 1}' }));

    const fetched = dataOf<{ message: { body: string; receiptHandle: string } }>(
      await app.dispatch('fetchJob', target),
    );
    const removed = await app.dispatch('removeJob', {
      ...target,
      receiptHandle: fetched.message.receiptHandle,
    });

    expect(fetched.message.body).toBe('{"n": 1}');
    expect(removed).toEqual({ ok: true, data: {} });
  });
});

describe('environment connection', () => {
  it('lists sandbox, then environment', async () => {
    const connections = dataOf<Connection[]>(await app.dispatch('listConnections', {}));

    expect(connections.map((connection) => connection.id)).toEqual([
      SANDBOX_CONNECTION_ID,
      ENVIRONMENT_CONNECTION_ID,
    ]);
  });

  it('uses MUQU_SQS_ENDPOINT and AWS_REGION', async () => {
    const connections = dataOf<Connection[]>(await app.dispatch('listConnections', {}));
    const environment = connections.find((connection) => connection.kind === 'environment');

    expect(environment?.endpoint).toBe(secondSandbox.endpoint);
    expect(environment?.region).toBe('eu-west-1');
  });

  it('creates queue on second server', async () => {
    const name = uniqueQueueName('second');

    const result = await app.dispatch('createQueue', { connectionId: 'environment', name });

    expect(result.ok).toBe(true);
    expect(await queueExists(secondSandbox.endpoint, `${name}.fifo`, 'eu-west-1')).toBe(true);
    expect(await queueExists(sandbox.endpoint, `${name}.fifo`, 'eu-west-1')).toBe(false);
  });

  it('keeps queue out of other region', async () => {
    const name = uniqueQueueName('region');

    await app.dispatch('createQueue', { connectionId: 'environment', name });

    expect(await queueExists(secondSandbox.endpoint, `${name}.fifo`, 'us-east-1')).toBe(false);
  });

  it('never returns secret key or session token', async () => {
    const name = uniqueQueueName('secret');
    const results = [
      await app.dispatch('listConnections', {}),
      await app.dispatch('createQueue', { connectionId: 'environment', name }),
      await app.dispatch('listQueues', { connectionId: 'environment' }),
      await app.dispatch('getQueue', { connectionId: 'environment', name: 'missing-queue' }),
    ];
    const serialized = JSON.stringify(results);

    expect(serialized).not.toContain(ENVIRONMENT_SECRET);
    expect(serialized).not.toContain(ENVIRONMENT_SESSION_TOKEN);
  });

  it('shows only masked key id', async () => {
    const serialized = JSON.stringify(await app.dispatch('listConnections', {}));

    expect(serialized).toContain(maskKeyId(ENVIRONMENT_KEY_ID));
    expect(serialized).not.toContain(ENVIRONMENT_KEY_ID);
  });

  it('lists queues of second server only', async () => {
    const name = uniqueQueueName('onlysecond');
    await app.dispatch('createQueue', { connectionId: 'environment', name });

    const sandboxQueues = dataOf<QueueSummary[]>(
      await app.dispatch('listQueues', { connectionId: 'sandbox' }),
    );

    expect(sandboxQueues.map((queue) => queue.muquName)).not.toContain(name);
  });
});

describe('environment connection without keys', () => {
  let keyless: TestDispatch;

  beforeAll(() => {
    keyless = createTestDispatch(sandbox, { MUQU_SQS_ENDPOINT: secondSandbox.endpoint });
  });

  afterAll(() => {
    keyless.connections.destroy();
  });

  it('is still listed', async () => {
    const connections = dataOf<Connection[]>(await keyless.dispatch('listConnections', {}));
    const environment = connections.find((connection) => connection.kind === 'environment');

    expect(environment?.description).toContain('without AWS_ACCESS_KEY_ID');
  });

  it('rejects requests with CREDENTIALS_MISSING', async () => {
    const result = await keyless.dispatch('listQueues', { connectionId: 'environment' });

    expect(result).toMatchObject({ ok: false, error: { code: 'CREDENTIALS_MISSING' } });
  });

  it('rejects key id without secret', async () => {
    const halfKeyed = createTestDispatch(sandbox, {
      MUQU_SQS_ENDPOINT: secondSandbox.endpoint,
      AWS_ACCESS_KEY_ID: ENVIRONMENT_KEY_ID,
    });

    const result = await halfKeyed.dispatch('listQueues', { connectionId: 'environment' });
    halfKeyed.connections.destroy();

    expect(result).toMatchObject({ ok: false, error: { code: 'CREDENTIALS_MISSING' } });
  });

  it('is absent without MUQU_SQS_ENDPOINT', async () => {
    const plain = createTestDispatch(sandbox, {});

    const connections = dataOf<Connection[]>(await plain.dispatch('listConnections', {}));
    plain.connections.destroy();

    expect(connections.map((connection) => connection.id)).toEqual([SANDBOX_CONNECTION_ID]);
  });
});

describe('regionFromEndpoint', () => {
  it('reads region of AWS endpoint', () => {
    expect(regionFromEndpoint('https://sqs.eu-central-1.amazonaws.com')).toBe('eu-central-1');
  });

  it('returns null for local endpoint', () => {
    expect(regionFromEndpoint('http://127.0.0.1:4566')).toBeNull();
  });
});

describe('maskKeyId', () => {
  it('keeps first and last four', () => {
    expect(maskKeyId('AKIAABCDEFGH1234')).toBe('AKIA…1234');
  });

  it('hides short key entirely', () => {
    expect(maskKeyId('AKIA1234')).toBe('****');
  });
});
