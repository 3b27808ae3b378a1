import { DeleteMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJob, releaseJob, removeJob } from '../src-main/muqu/jobs';
import { ReceiptRegistry } from '../src-main/muqu/receipts';
import {
  createTestContext,
  queueUrlOf,
  readMessageCounts,
  receiveDirectly,
  recordRequests,
  startTestServer,
  TestClock,
  type TestServer,
  createQueueWithJobs,
} from './helpers/sqs-sandbox';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

/** Fetches the head job and fails the test when the queue returned none. */
async function fetchHead(context: typeof server.context, name: string) {
  const { message } = await fetchJob(context, name, 'main');
  if (message === null) throw new Error(`fetchJob returned no job from ${name}`);
  return message;
}

describe('fetchJob', () => {
  it('returns head job with receipt handle', async () => {
    const queue = await createQueueWithJobs(server.context, 'handle', ['{"n": 1}', '{"n": 2}']);

    const message = await fetchHead(server.context, queue.name);

    expect(message.body).toBe('{"n": 1}');
    expect(message.receiptHandle).toMatch(/\S/);
  });

  it('sets visibleAgainAt to now plus 30 s', async () => {
    const queue = await createQueueWithJobs(server.context, 'deadline', ['{"n": 1}']);
    const before = Date.now();

    const message = await fetchHead(server.context, queue.name);
    const after = Date.now();

    expect(message.visibleAgainAt).toBeGreaterThanOrEqual(before + 30_000);
    expect(message.visibleAgainAt).toBeLessThanOrEqual(after + 30_000);
  });

  it('returns null on empty queue', async () => {
    const queue = await createQueueWithJobs(server.context, 'empty', []);

    const { message } = await fetchJob(server.context, queue.name, 'main');

    expect(message).toBeNull();
  });

  it('returns null while head is fetched', async () => {
    const queue = await createQueueWithJobs(server.context, 'inflight', ['{"n": 1}', '{"n": 2}']);
    await fetchHead(server.context, queue.name);

    const second = await fetchJob(server.context, queue.name, 'main');

    expect(second.message).toBeNull();
  });

  it('hides fetched job from workers', async () => {
    const queue = await createQueueWithJobs(server.context, 'hidden', ['{"n": 1}']);
    await fetchHead(server.context, queue.name);

    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(counts.inFlight).toBe(1);
    expect(counts.visible).toBe(0);
  });

  it('receives one message with queue visibility', async () => {
    const queue = await createQueueWithJobs(server.context, 'request', ['{"n": 1}']);
    const requests = recordRequests(server.context.sqs);

    await fetchHead(server.context, queue.name);
    const receive = requests.find((request) => request.command === 'ReceiveMessageCommand');

    expect(receive?.input.MaxNumberOfMessages).toBe(1);
    expect(receive?.input.VisibilityTimeout).toBeUndefined();
  });
});

describe('removeJob', () => {
  it('deletes fetched job', async () => {
    const queue = await createQueueWithJobs(server.context, 'remove', ['{"n": 1}']);
    const message = await fetchHead(server.context, queue.name);

    await removeJob(server.context, queue.name, 'main', message.receiptHandle);
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(counts).toEqual({ visible: 0, inFlight: 0 });
  });

  it('lets next job be fetched', async () => {
    const queue = await createQueueWithJobs(server.context, 'next', ['{"n": 1}', '{"n": 2}']);
    const first = await fetchHead(server.context, queue.name);

    await removeJob(server.context, queue.name, 'main', first.receiptHandle);
    const second = await fetchHead(server.context, queue.name);

    expect(second.body).toBe('{"n": 2}');
  });
});

describe('releaseJob', () => {
  it('makes job fetchable at once', async () => {
    const queue = await createQueueWithJobs(server.context, 'release', ['{"n": 1}']);
    const first = await fetchHead(server.context, queue.name);

    await releaseJob(server.context, queue.name, 'main', first.receiptHandle);
    const again = await fetchHead(server.context, queue.name);

    expect(again.messageId).toBe(first.messageId);
    expect(again.receiveCount).toBe(2);
  });

  it('makes job visible to workers', async () => {
    const queue = await createQueueWithJobs(server.context, 'worker', ['{"n": 1}']);
    const fetched = await fetchHead(server.context, queue.name);

    await releaseJob(server.context, queue.name, 'main', fetched.receiptHandle);
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Body).toBe('{"n": 1}');
  });
});

describe('expired receipt handle', () => {
  it('rejects remove, app check since fauxqs accepts it', async () => {
    const queue = await createQueueWithJobs(server.context, 'expired', ['{"n": 1}']);
    const clock = new TestClock();
    const context = createTestContext(server.context.sqs, server.sandbox.endpoint, clock);
    const fetched = await fetchHead(context, queue.name);
    clock.advance(30_001);

    await expect(
      removeJob(context, queue.name, 'main', fetched.receiptHandle),
    ).rejects.toMatchObject({ code: 'RECEIPT_HANDLE_EXPIRED' });
  });

  it('rejects remove without server call', async () => {
    const queue = await createQueueWithJobs(server.context, 'nocall', ['{"n": 1}']);
    const clock = new TestClock();
    const context = createTestContext(server.context.sqs, server.sandbox.endpoint, clock);
    const fetched = await fetchHead(context, queue.name);
    clock.advance(30_001);
    const requests = recordRequests(server.context.sqs);

    await removeJob(context, queue.name, 'main', fetched.receiptHandle).catch(() => undefined);

    expect(requests).toHaveLength(0);
  });

  it('rejects release, app check since fauxqs accepts it', async () => {
    const queue = await createQueueWithJobs(server.context, 'norelease', ['{"n": 1}']);
    const clock = new TestClock();
    const context = createTestContext(server.context.sqs, server.sandbox.endpoint, clock);
    const fetched = await fetchHead(context, queue.name);
    clock.advance(30_001);

    await expect(
      releaseJob(context, queue.name, 'main', fetched.receiptHandle),
    ).rejects.toMatchObject({ code: 'RECEIPT_HANDLE_EXPIRED' });
  });

  it('allows remove just before deadline', async () => {
    const queue = await createQueueWithJobs(server.context, 'intime', ['{"n": 1}']);
    const clock = new TestClock();
    const context = createTestContext(server.context.sqs, server.sandbox.endpoint, clock);
    const fetched = await fetchHead(context, queue.name);
    clock.advance(29_000);

    await removeJob(context, queue.name, 'main', fetched.receiptHandle);
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(counts).toEqual({ visible: 0, inFlight: 0 });
  });

  it('rejects lapsed handle fauxqs still accepts', async () => {
    const queue = await createQueueWithJobs(server.context, 'stale', ['{"n": 1}']);
    const url = await queueUrlOf(server.sqs, queue.main);
    await server.sqs.send(
      new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '1' } }),
    );
    const fetched = await fetchHead(server.context, queue.name);
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    const appRemove = removeJob(server.context, queue.name, 'main', fetched.receiptHandle);
    await expect(appRemove).rejects.toMatchObject({ code: 'RECEIPT_HANDLE_EXPIRED' });
    await server.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: fetched.receiptHandle }),
    );
    const counts = await readMessageCounts(server.sqs, queue.main);
    expect(counts).toEqual({ visible: 0, inFlight: 0 });
  });
});

describe('ReceiptRegistry', () => {
  it('keeps handle valid before deadline', () => {
    const clock = new TestClock();
    const registry = new ReceiptRegistry(clock.now);
    registry.remember('handle', clock.now() + 1_000);

    clock.advance(999);

    expect(registry.expiredAt('handle')).toBeNull();
  });

  it('reports deadline once passed', () => {
    const clock = new TestClock();
    const registry = new ReceiptRegistry(clock.now);
    const deadline = clock.now() + 1_000;
    registry.remember('handle', deadline);

    clock.advance(1_000);

    expect(registry.expiredAt('handle')).toBe(deadline);
  });

  it('ignores unknown handle', () => {
    const registry = new ReceiptRegistry(() => 0);

    expect(registry.expiredAt('from-another-client')).toBeNull();
  });

  it('forgets used handle', () => {
    const clock = new TestClock();
    const registry = new ReceiptRegistry(clock.now);
    registry.remember('handle', clock.now());
    registry.forget('handle');

    expect(registry.expiredAt('handle')).toBeNull();
  });
});
