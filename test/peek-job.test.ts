import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peekJob } from '../src-main/muqu/jobs';
import {
  queueUrlOf,
  readMessageCounts,
  receiveDirectly,
  recordRequests,
  startTestServer,
  uniqueQueueName,
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

describe('peekJob', () => {
  it('returns null on empty queue', async () => {
    const queue = await createQueueWithJobs(server.context, 'empty', []);

    const peeked = await peekJob(server.context, queue.name, 'main');

    expect(peeked.message).toBeNull();
  });

  it('returns head job body', async () => {
    const queue = await createQueueWithJobs(server.context, 'head', ['{"n": 1}', '{"n": 2}']);

    const peeked = await peekJob(server.context, queue.name, 'main');

    expect(peeked.message?.body).toBe('{"n": 1}');
  });

  it('leaves job receivable at once', async () => {
    const queue = await createQueueWithJobs(server.context, 'receivable', ['{"n": 1}']);

    await peekJob(server.context, queue.name, 'main');
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Body).toBe('{"n": 1}');
  });

  // fauxqs 2.4 counted a message received at visibility 0 as not visible until the
  // next receive; patches/fauxqs+2.4.1.patch makes it count as AWS does.
  it('leaves no job in flight', async () => {
    const queue = await createQueueWithJobs(server.context, 'inflight', ['{"n": 1}']);

    await peekJob(server.context, queue.name, 'main');
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(counts.inFlight).toBe(0);
  });

  it('raises receive count per peek', async () => {
    const queue = await createQueueWithJobs(server.context, 'count', ['{"n": 1}']);

    const first = await peekJob(server.context, queue.name, 'main');
    const second = await peekJob(server.context, queue.name, 'main');

    expect(first.message?.receiveCount).toBe(1);
    expect(second.message?.receiveCount).toBe(2);
  });

  it('reports maxReceiveCount 2 on main', async () => {
    const queue = await createQueueWithJobs(server.context, 'maxcount', ['{"n": 1}']);

    const peeked = await peekJob(server.context, queue.name, 'main');

    expect(peeked.message?.maxReceiveCount).toBe(2);
  });

  it('reports group id and sequence number', async () => {
    const queue = await createQueueWithJobs(server.context, 'meta', ['{"n": 1}']);

    const peeked = await peekJob(server.context, queue.name, 'main');

    expect(peeked.message?.messageGroupId).toBe('MessageGroupId');
    expect(peeked.message?.sequenceNumber).toMatch(/^\d+$/);
  });

  it('returns no receipt handle', async () => {
    const queue = await createQueueWithJobs(server.context, 'nohandle', ['{"n": 1}']);

    const peeked = await peekJob(server.context, queue.name, 'main');

    expect(peeked.message).not.toHaveProperty('receiptHandle');
  });

  it('receives one message at visibility 0', async () => {
    const queue = await createQueueWithJobs(server.context, 'request', ['{"n": 1}']);
    const requests = recordRequests(server.context.sqs);

    await peekJob(server.context, queue.name, 'main');
    const receive = requests.find((request) => request.command === 'ReceiveMessageCommand');

    expect(receive?.input.MaxNumberOfMessages).toBe(1);
    expect(receive?.input.VisibilityTimeout).toBe(0);
    expect(receive?.input.WaitTimeSeconds).toBeLessThanOrEqual(20);
  });

  it('fails for missing queue', async () => {
    await expect(peekJob(server.context, uniqueQueueName('missing'), 'main')).rejects.toMatchObject(
      { code: 'QUEUE_NOT_FOUND' },
    );
  });
});

describe('peekJob dead-lettering', () => {
  it('moves job to DLQ on third peek', async () => {
    const queue = await createQueueWithJobs(server.context, 'third', ['{"n": 1}']);

    await peekJob(server.context, queue.name, 'main');
    await peekJob(server.context, queue.name, 'main');
    const third = await peekJob(server.context, queue.name, 'main');
    const deadLetter = await readMessageCounts(server.sqs, queue.deadLetter);

    expect(third.message).toBeNull();
    expect(deadLetter.visible).toBe(1);
  });

  it('shows next job on third peek', async () => {
    const queue = await createQueueWithJobs(server.context, 'next', ['{"n": 1}', '{"n": 2}']);

    await peekJob(server.context, queue.name, 'main');
    await peekJob(server.context, queue.name, 'main');
    const third = await peekJob(server.context, queue.name, 'main');

    expect(third.message?.body).toBe('{"n": 2}');
  });

  it('shows moved job on DLQ', async () => {
    const queue = await createQueueWithJobs(server.context, 'dlqpeek', ['{"n": 1}']);
    for (let peek = 0; peek < 3; peek += 1) await peekJob(server.context, queue.name, 'main');

    const peeked = await peekJob(server.context, queue.name, 'dead-letter');

    expect(peeked.message?.body).toBe('{"n": 1}');
    expect(peeked.message?.maxReceiveCount).toBeNull();
  });

  it('keeps DLQ job through many peeks', async () => {
    const queue = await createQueueWithJobs(server.context, 'dlqsafe', ['{"n": 1}']);
    for (let peek = 0; peek < 3; peek += 1) await peekJob(server.context, queue.name, 'main');

    let peeked = await peekJob(server.context, queue.name, 'dead-letter');
    for (let peek = 0; peek < 3; peek += 1) {
      peeked = await peekJob(server.context, queue.name, 'dead-letter');
    }

    expect(peeked.message?.body).toBe('{"n": 1}');
  });
});

describe('raw SDK receive', () => {
  it('hides job at default visibility', async () => {
    const queue = await createQueueWithJobs(server.context, 'hidden', ['{"n": 1}']);

    await receiveDirectly(server.sqs, queue.main);
    const consumer = await receiveDirectly(server.sqs, queue.main);
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(consumer).toBeNull();
    expect(counts.inFlight).toBe(1);
  });

  it('rejects 15 messages per call', async () => {
    const queue = await createQueueWithJobs(server.context, 'fifteen', []);
    const url = await queueUrlOf(server.sqs, queue.main);

    await expect(
      server.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 15 })),
    ).rejects.toThrow(/MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10/);
  });

  it('rejects 40 s wait', async () => {
    const queue = await createQueueWithJobs(server.context, 'forty', []);
    const url = await queueUrlOf(server.sqs, queue.main);

    await expect(
      server.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 40 })),
    ).rejects.toThrow(
      'Value 40 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.',
    );
  });
});
