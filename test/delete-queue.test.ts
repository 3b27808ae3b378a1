import { CreateQueueCommand, DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsQueueNames } from '../src-shared/muqu-names';
import {
  createQueue,
  deleteQueue,
  DEAD_LETTER_ATTRIBUTES,
  listQueues,
} from '../src-main/muqu/queues';
import { startSandbox } from '../src-main/sandbox/sandbox';
import {
  createTestContext,
  createTestSqsClient,
  queueExists,
  queueUrlOf,
  recordRequests,
  rejectionOf,
  startTestServer,
  TestClock,
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

async function createOrphanedDeadLetterQueue(name: string): Promise<void> {
  await server.sqs.send(
    new CreateQueueCommand({
      QueueName: sqsQueueNames(name).deadLetter,
      Attributes: { ...DEAD_LETTER_ATTRIBUTES },
    }),
  );
}

describe('deleteQueue', () => {
  it('deletes main queue, then DLQ', async () => {
    const name = uniqueQueueName('order');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);
    const mainUrl = await queueUrlOf(server.sqs, names.main);
    const deadLetterUrl = await queueUrlOf(server.sqs, names.deadLetter);
    const requests = recordRequests(server.context.sqs);

    await deleteQueue(server.context, name);
    const deletedUrls = requests
      .filter((request) => request.command === 'DeleteQueueCommand')
      .map((request) => request.input.QueueUrl);

    expect(deletedUrls).toEqual([mainUrl, deadLetterUrl]);
  });

  it('returns both deleted names', async () => {
    const name = uniqueQueueName('names');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);

    const result = await deleteQueue(server.context, name);

    expect(result.deleted).toEqual([names.main, names.deadLetter]);
  });

  it('removes both queues from server', async () => {
    const name = uniqueQueueName('gone');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);

    await deleteQueue(server.context, name);

    expect(await queueExists(server.sqs, names.main)).toBe(false);
    expect(await queueExists(server.sqs, names.deadLetter)).toBe(false);
  });

  it('rejects unknown name as not found', async () => {
    await expect(deleteQueue(server.context, uniqueQueueName('never'))).rejects.toMatchObject({
      code: 'QUEUE_NOT_FOUND',
    });
  });
});

describe('orphaned DLQ', () => {
  it('lists DLQ made alone as orphan', async () => {
    const name = uniqueQueueName('alone');
    await createOrphanedDeadLetterQueue(name);

    const queues = await listQueues(server.context);
    const entry = queues.find((queue) => queue.sqsName === sqsQueueNames(name).deadLetter);

    expect(entry?.kind).toBe('orphan-dead-letter');
    expect(entry?.muquName).toBe(name);
  });

  it('lists DLQ left after main delete', async () => {
    const name = uniqueQueueName('leftover');
    await createQueue(server.context, name);
    const mainUrl = await queueUrlOf(server.sqs, sqsQueueNames(name).main);
    await server.sqs.send(new DeleteQueueCommand({ QueueUrl: mainUrl }));

    const queues = await listQueues(server.context);
    const entries = queues.filter((queue) => queue.muquName === name);

    expect(entries.map((queue) => queue.kind)).toEqual(['orphan-dead-letter']);
  });

  it('deletes orphaned DLQ by MuQu name', async () => {
    const name = uniqueQueueName('cleanup');
    await createOrphanedDeadLetterQueue(name);

    const result = await deleteQueue(server.context, name);

    expect(result.deleted).toEqual([sqsQueueNames(name).deadLetter]);
    expect(await queueExists(server.sqs, sqsQueueNames(name).deadLetter)).toBe(false);
  });

  it("keeps another pair's DLQ on orphan delete", async () => {
    // `y-dead-letter.fifo` is the DLQ of pair `y`, and `y-dead-letter-dead-letter.fifo`
    // looks like the orphaned DLQ of a queue `y-dead-letter`.
    const owner = uniqueQueueName('owner');
    const lookalike = sqsQueueNames(owner).deadLetter.replace(/\.fifo$/, '');
    await createQueue(server.context, owner);
    await createOrphanedDeadLetterQueue(lookalike);

    const result = await deleteQueue(server.context, lookalike, 'orphan-dead-letter');

    expect(result.deleted).toEqual([sqsQueueNames(lookalike).deadLetter]);
    expect(await queueExists(server.sqs, sqsQueueNames(owner).deadLetter)).toBe(true);
  });

  it('refuses orphan delete of a used DLQ', async () => {
    const name = uniqueQueueName('used');
    await createQueue(server.context, name);

    const failure = await rejectionOf(deleteQueue(server.context, name, 'orphan-dead-letter'));

    expect(failure).toMatchObject({ code: 'NOT_A_MUQU_QUEUE' });
    expect(await queueExists(server.sqs, sqsQueueNames(name).deadLetter)).toBe(true);
  });

  it('refuses pair delete of a foreign main', async () => {
    const name = uniqueQueueName('foreign');
    const names = sqsQueueNames(name);
    await server.sqs.send(
      new CreateQueueCommand({ QueueName: names.main, Attributes: { FifoQueue: 'true' } }),
    );
    await createOrphanedDeadLetterQueue(name);

    const failure = await rejectionOf(deleteQueue(server.context, name));

    expect(failure).toMatchObject({ code: 'NOT_A_MUQU_QUEUE' });
    expect(await queueExists(server.sqs, names.main)).toBe(true);
  });

  it('names DLQ left when its delete fails', async () => {
    const sandbox = await startSandbox(0);
    const sqs = createTestSqsClient(sandbox.endpoint);
    const context = createTestContext(sqs, sandbox.endpoint, new TestClock());
    const name = uniqueQueueName('halfway');
    const names = sqsQueueNames(name);
    await createQueue(context, name);
    // Stops the server once the main queue is gone, so the DLQ delete meets a closed port.
    sqs.middlewareStack.add(
      (next, handlerContext) => async (args) => {
        const result = await next(args);
        const input = args.input as { QueueUrl?: string };
        const deletesMain =
          handlerContext.commandName === 'DeleteQueueCommand' &&
          input.QueueUrl?.endsWith(`/${names.main}`) === true;
        if (deletesMain) await sandbox.stop();
        return result;
      },
      { step: 'initialize', name: 'stopServerAfterMainDelete' },
    );

    const failure = await rejectionOf(deleteQueue(context, name));
    sqs.destroy();

    expect(failure).toMatchObject({ code: 'CONNECTION_FAILED' });
    expect(failure.message).toContain(
      `Deleted ${names.main}, but deleting its dead-letter queue ${names.deadLetter} failed`,
    );
  });
});

describe('re-creating deleted queue', () => {
  it('rejects within 60 s, app check since fauxqs allows it', async () => {
    const name = uniqueQueueName('again');
    await createQueue(server.context, name);
    await deleteQueue(server.context, name);

    await expect(createQueue(server.context, name)).rejects.toMatchObject({
      code: 'QUEUE_DELETED_RECENTLY',
    });
  });

  it('rejects re-create without server call', async () => {
    const name = uniqueQueueName('nocall');
    await createQueue(server.context, name);
    await deleteQueue(server.context, name);
    const requests = recordRequests(server.context.sqs);

    await createQueue(server.context, name).catch(() => undefined);

    expect(requests).toHaveLength(0);
  });

  it('lets fauxqs re-create at once, unlike AWS', async () => {
    const name = uniqueQueueName('fauxqs');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);
    await deleteQueue(server.context, name);

    const created = await server.sqs.send(
      new CreateQueueCommand({ QueueName: names.deadLetter, Attributes: { FifoQueue: 'true' } }),
    );

    expect(created.QueueUrl).toMatch(names.deadLetter);
  });

  it('blocks orphaned DLQ name too', async () => {
    const name = uniqueQueueName('orphanblock');
    await createOrphanedDeadLetterQueue(name);
    await deleteQueue(server.context, name);

    await expect(createQueue(server.context, name)).rejects.toMatchObject({
      code: 'QUEUE_DELETED_RECENTLY',
    });
  });

  it('allows re-create after 60 s', async () => {
    const clock = new TestClock();
    const context = createTestContext(server.context.sqs, server.sandbox.endpoint, clock);
    const name = uniqueQueueName('later');
    await createQueue(context, name);
    await deleteQueue(context, name);
    clock.advance(60_001);

    const summary = await createQueue(context, name);

    expect(summary.kind).toBe('muqu');
  });

  it('says how long to wait', async () => {
    const clock = new TestClock();
    const context = createTestContext(server.context.sqs, server.sandbox.endpoint, clock);
    const name = uniqueQueueName('wait');
    await createQueue(context, name);
    await deleteQueue(context, name);
    clock.advance(45_000);

    await expect(createQueue(context, name)).rejects.toThrow('Try again in 15 s.');
  });
});
