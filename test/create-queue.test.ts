import {
  CreateQueueCommand,
  DeleteQueueCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsQueueNames } from '../src-shared/muqu-names';
import { createQueue } from '../src-main/muqu/queues';
import {
  createTestContext,
  createTestSqsClient,
  queueExists,
  queueUrlOf,
  readQueueAttributes,
  recordRequests,
  TestClock,
  startTestServer,
  uniqueQueueName,
  type TestServer,
} from './helpers/sqs-sandbox';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

describe('createQueue attributes', () => {
  let names: ReturnType<typeof sqsQueueNames>;
  let main: Record<string, string>;
  let deadLetter: Record<string, string>;

  beforeAll(async () => {
    const name = uniqueQueueName('attrs');
    names = sqsQueueNames(name);
    await createQueue(server.context, name);
    main = await readQueueAttributes(server.sqs, names.main);
    deadLetter = await readQueueAttributes(server.sqs, names.deadLetter);
  });

  it('makes DLQ a FIFO queue', () => {
    expect(deadLetter.FifoQueue).toBe('true');
  });

  it('keeps DLQ messages 14 days', () => {
    expect(deadLetter.MessageRetentionPeriod).toBe('1209600');
  });

  it('gives DLQ no redrive policy', () => {
    expect(deadLetter.RedrivePolicy).toBeUndefined();
  });

  it('makes main a FIFO queue', () => {
    expect(main.FifoQueue).toBe('true');
  });

  it('enables content-based deduplication on main', () => {
    expect(main.ContentBasedDeduplication).toBe('true');
  });

  it('sets main long poll to 20 s', () => {
    expect(main.ReceiveMessageWaitTimeSeconds).toBe('20');
  });

  it('keeps default 30 s visibility on main', () => {
    expect(main.VisibilityTimeout).toBe('30');
  });

  it('points redrive policy at DLQ', () => {
    const policy = JSON.parse(main.RedrivePolicy ?? '{}') as Record<string, unknown>;

    expect(policy.deadLetterTargetArn).toBe(deadLetter.QueueArn);
  });

  it('writes maxReceiveCount as string "2"', () => {
    const policy = JSON.parse(main.RedrivePolicy ?? '{}') as Record<string, unknown>;

    expect(typeof policy.maxReceiveCount).toBe('string');
    expect(policy.maxReceiveCount).toBe('2');
  });
});

describe('createQueue', () => {
  it('creates DLQ before main', async () => {
    const name = uniqueQueueName('order');
    const names = sqsQueueNames(name);
    const requests = recordRequests(server.context.sqs);

    await createQueue(server.context, name);
    const created = requests
      .filter((request) => request.command === 'CreateQueueCommand')
      .map((request) => request.input.QueueName);

    expect(created).toEqual([names.deadLetter, names.main]);
  });

  it('creates no DLQ when name is taken', async () => {
    const name = uniqueQueueName('conflict');
    const names = sqsQueueNames(name);
    await server.sqs.send(
      new CreateQueueCommand({
        QueueName: names.main,
        Attributes: { FifoQueue: 'true', ReceiveMessageWaitTimeSeconds: '5' },
      }),
    );

    await expect(createQueue(server.context, name)).rejects.toMatchObject({
      code: 'QUEUE_EXISTS',
    });
    expect(await queueExists(server.sqs, names.deadLetter)).toBe(false);
  });

  it('deletes new DLQ when main create fails', async () => {
    const name = uniqueQueueName('rollback');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);
    // A pair whose DLQ is gone and whose main queue now differs from MuQu's attributes:
    // re-creating the DLQ works, and creating the main queue fails.
    await server.sqs.send(
      new DeleteQueueCommand({ QueueUrl: await queueUrlOf(server.sqs, names.deadLetter) }),
    );
    await server.sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: await queueUrlOf(server.sqs, names.main),
        Attributes: { ReceiveMessageWaitTimeSeconds: '5' },
      }),
    );
    const context = createTestContext(
      createTestSqsClient(server.sandbox.endpoint),
      server.sandbox.endpoint,
      new TestClock(),
    );

    await expect(createQueue(context, name)).rejects.toMatchObject({ code: 'QUEUE_EXISTS' });
    expect(await queueExists(server.sqs, names.deadLetter)).toBe(false);
  });

  it('succeeds again for existing pair', async () => {
    const name = uniqueQueueName('twice');
    const first = await createQueue(server.context, name);

    const second = await createQueue(server.context, name);

    expect(second.url).toBe(first.url);
    expect(second.deadLetterUrl).toBe(first.deadLetterUrl);
  });

  it('returns summary of new pair', async () => {
    const name = uniqueQueueName('summary');
    const names = sqsQueueNames(name);

    const summary = await createQueue(server.context, name);

    expect(summary).toMatchObject({
      kind: 'muqu',
      muquName: name,
      sqsName: names.main,
      deadLetterSqsName: names.deadLetter,
      counts: { visible: 0, inFlight: 0, delayed: 0 },
      deadLetterCounts: { visible: 0, inFlight: 0, delayed: 0 },
    });
  });

  it('creates 80-character DLQ for 63-character name', async () => {
    const name = `${uniqueQueueName('long')}-${'a'.repeat(63)}`.slice(0, 63);
    const names = sqsQueueNames(name);

    await createQueue(server.context, name);
    const deadLetter = await readQueueAttributes(server.sqs, names.deadLetter);

    expect(names.deadLetter).toHaveLength(80);
    expect(deadLetter.QueueArn?.endsWith(`:${names.deadLetter}`)).toBe(true);
  });
});
