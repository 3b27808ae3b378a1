import {
  CreateQueueCommand,
  DeleteQueueCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueSummary } from '../src-shared/api';
import { sqsQueueNames } from '../src-shared/muqu-names';
import { fetchJob, MESSAGE_GROUP_ID, pushJob } from '../src-main/muqu/jobs';
import { createQueue, getQueue, listQueues } from '../src-main/muqu/queues';
import {
  queueUrlOf,
  recordRequests,
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

async function findQueue(sqsName: string): Promise<QueueSummary | undefined> {
  const queues = await listQueues(server.context);
  return queues.find((queue) => queue.sqsName === sqsName);
}

describe('listQueues', () => {
  it('lists MuQu pair as one entry', async () => {
    const name = uniqueQueueName('pair');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);

    const queues = await listQueues(server.context);
    const entries = queues.filter((queue) => queue.muquName === name);

    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'muqu',
      sqsName: names.main,
      deadLetterSqsName: names.deadLetter,
      url: await queueUrlOf(server.sqs, names.main),
      deadLetterUrl: await queueUrlOf(server.sqs, names.deadLetter),
    });
  });

  it('counts visible and in-flight jobs', async () => {
    const name = uniqueQueueName('counts');
    await createQueue(server.context, name);
    await pushJob(server.context, name, '{"n": 1}');
    await pushJob(server.context, name, '{"n": 2}');
    await fetchJob(server.context, name, 'main');

    const entry = await findQueue(sqsQueueNames(name).main);

    expect(entry?.counts).toEqual({ visible: 1, inFlight: 1, delayed: 0 });
  });

  it('counts DLQ jobs', async () => {
    const name = uniqueQueueName('dlqcount');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);
    await server.sqs.send(
      new SendMessageCommand({
        QueueUrl: await queueUrlOf(server.sqs, names.deadLetter),
        MessageBody: '{"failed": true}',
        MessageGroupId: MESSAGE_GROUP_ID,
        // A MuQu DLQ has no content-based deduplication, so a direct send needs an id.
        MessageDeduplicationId: 'dead-letter-1',
      }),
    );

    const entry = await findQueue(names.main);

    expect(entry?.deadLetterCounts).toEqual({ visible: 1, inFlight: 0, delayed: 0 });
  });

  it('lists standard queue as other', async () => {
    const sqsName = uniqueQueueName('standard');
    await server.sqs.send(new CreateQueueCommand({ QueueName: sqsName }));

    const entry = await findQueue(sqsName);

    expect(entry).toMatchObject({ kind: 'other', muquName: null, deadLetterSqsName: null });
  });

  it('lists unpaired FIFO queue as other', async () => {
    const sqsName = `${uniqueQueueName('solo')}.fifo`;
    await server.sqs.send(
      new CreateQueueCommand({ QueueName: sqsName, Attributes: { FifoQueue: 'true' } }),
    );

    const entry = await findQueue(sqsName);

    expect(entry?.kind).toBe('other');
  });

  it('skips queue deleted during listing', async () => {
    const name = uniqueQueueName('vanish');
    const names = sqsQueueNames(name);
    await createQueue(server.context, name);
    const mainUrl = await queueUrlOf(server.sqs, names.main);
    const requests = recordRequests(server.context.sqs);
    // Deletes the main queue right after ListQueues returns, before its counts are read.
    server.context.sqs.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const firstList =
          requests.filter((request) => request.command === 'ListQueuesCommand').length === 1;
        if (context.commandName === 'ListQueuesCommand' && firstList) {
          await server.sqs.send(new DeleteQueueCommand({ QueueUrl: mainUrl }));
        }
        return result;
      },
      { step: 'initialize', name: 'deleteQueueAfterList' },
    );

    const queues = await listQueues(server.context);
    server.context.sqs.middlewareStack.remove('deleteQueueAfterList');

    expect(queues.map((queue) => queue.sqsName)).not.toContain(names.main);
  });
});

describe('getQueue', () => {
  it('reads MuQu settings of both queues', async () => {
    const name = uniqueQueueName('details');
    await createQueue(server.context, name);

    const details = await getQueue(server.context, name);

    expect(details.main).toMatchObject({
      fifo: true,
      contentBasedDeduplication: true,
      visibilityTimeoutSeconds: 30,
      receiveWaitTimeSeconds: 20,
      maxReceiveCount: 2,
    });
    expect(details.deadLetter).toMatchObject({
      fifo: true,
      retentionSeconds: 1_209_600,
      maxReceiveCount: null,
    });
  });

  it('returns null main for orphaned DLQ', async () => {
    const name = uniqueQueueName('halfpair');
    await createQueue(server.context, name);
    const mainUrl = await queueUrlOf(server.sqs, sqsQueueNames(name).main);
    await server.sqs.send(new DeleteQueueCommand({ QueueUrl: mainUrl }));

    const details = await getQueue(server.context, name);

    expect(details.main).toBeNull();
    expect(details.deadLetter?.sqsName).toBe(sqsQueueNames(name).deadLetter);
  });

  it('rejects missing queue as not found', async () => {
    await expect(getQueue(server.context, uniqueQueueName('none'))).rejects.toMatchObject({
      code: 'QUEUE_NOT_FOUND',
    });
  });
});

describe('listQueues paging', () => {
  // fauxqs returns at most MaxResults queue URLs per page with a NextToken, as AWS
  // does; the app requests 1000, so 1001 queues make it read a second page.
  const queueCount = 1001;
  let paged: TestServer;
  let queues: QueueSummary[];
  let listRequests: Array<Record<string, unknown>>;
  let pairName: string;

  async function createStandardQueues(sqs: SQSClient, count: number): Promise<void> {
    const names = Array.from({ length: count }, (_, i) => `page-${String(i).padStart(4, '0')}`);
    for (let start = 0; start < names.length; start += 50) {
      const batch = names.slice(start, start + 50);
      await Promise.all(
        batch.map((queueName) => sqs.send(new CreateQueueCommand({ QueueName: queueName }))),
      );
    }
  }

  beforeAll(async () => {
    paged = await startTestServer();
    pairName = 'zz-last-pair';
    await createStandardQueues(paged.sqs, queueCount);
    await createQueue(paged.context, pairName);
    const requests = recordRequests(paged.context.sqs);

    queues = await listQueues(paged.context);
    listRequests = requests
      .filter((request) => request.command === 'ListQueuesCommand')
      .map((request) => request.input);
  }, 60_000);

  afterAll(async () => {
    await paged.stop();
  });

  it('reads second page', () => {
    expect(listRequests).toHaveLength(2);
    expect(listRequests[1]?.NextToken).toMatch(/\S/);
  });

  it('lists every queue', () => {
    expect(queues).toHaveLength(queueCount + 1);
  });

  it('pairs queues across pages', () => {
    const pair = queues.find((queue) => queue.muquName === pairName);

    expect(pair?.kind).toBe('muqu');
  });
});
