import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsQueueNames } from '../src-shared/muqu-names';
import { endpointProblem } from '../src-main/connections/connections';
import { fetchJob, peekJob, pushJob, releaseJob, removeJob } from '../src-main/muqu/jobs';
import { createQueue, deleteQueue, getQueue } from '../src-main/muqu/queues';
import {
  readMessageCounts,
  rejectionOf,
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

describe('queues that are not MuQu pairs', () => {
  it('rejects push to FIFO queue without DLQ', async () => {
    const name = uniqueQueueName('plain');
    await server.sqs.send(
      new CreateQueueCommand({
        QueueName: sqsQueueNames(name).main,
        Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
      }),
    );

    const failure = await rejectionOf(pushJob(server.context, name, '{"n": 1}'));
    const counts = await readMessageCounts(server.sqs, sqsQueueNames(name).main);

    expect(failure).toMatchObject({ code: 'NOT_A_MUQU_QUEUE' });
    expect(counts.visible).toBe(0);
  });
});

describe('receipt handles', () => {
  it('rejects handle of another queue', async () => {
    const first = (await createQueueWithJobs(server.context, 'first', ['{"n": 1}'])).name;
    const second = (await createQueueWithJobs(server.context, 'second', ['{"n": 2}'])).name;
    const fetched = await fetchJob(server.context, first, 'main');
    const handle = fetched.message?.receiptHandle ?? '';

    const failure = await rejectionOf(removeJob(server.context, second, 'main', handle));
    const counts = await readMessageCounts(server.sqs, sqsQueueNames(second).main);

    expect(failure).toMatchObject({ code: 'RECEIPT_HANDLE_INVALID' });
    expect(counts.visible).toBe(1);
  });

  it('reports second release as invalid handle', async () => {
    const name = (await createQueueWithJobs(server.context, 'twice', ['{"n": 1}'])).name;
    const fetched = await fetchJob(server.context, name, 'main');
    const handle = fetched.message?.receiptHandle ?? '';
    await releaseJob(server.context, name, 'main', handle);

    const failure = await rejectionOf(releaseJob(server.context, name, 'main', handle));

    expect(failure).toMatchObject({ code: 'RECEIPT_HANDLE_INVALID' });
  });
});

describe('duplicate push warning', () => {
  it('forgets pushes of a deleted queue', async () => {
    const name = (await createQueueWithJobs(server.context, 'recreated', ['{"n": 1}'])).name;
    await deleteQueue(server.context, name);
    server.clock.advance(61_000);
    await createQueue(server.context, name);

    const again = await pushJob(server.context, name, '{"n": 1}');
    const counts = await readMessageCounts(server.sqs, sqsQueueNames(name).main);

    expect(again.duplicateOfPushAt).toBeNull();
    expect(counts.visible).toBe(1);
  });

  it('forgets a push SQS rejected', async () => {
    const name = (await createQueueWithJobs(server.context, 'rejected')).name;
    // U+FFFF is valid in JSON text, and SQS rejects it as a message character.
    const body = '{"n": "\uFFFF"}';
    await rejectionOf(pushJob(server.context, name, body));

    const retry = await rejectionOf(pushJob(server.context, name, body));

    expect(retry).toMatchObject({ code: 'INVALID_MESSAGE_CONTENTS' });
    expect(server.context.pushes.record(sqsQueueNames(name).main, body)).toBeNull();
  });
});

describe('head at receive limit', () => {
  it('reports head after two peeks', async () => {
    const name = (await createQueueWithJobs(server.context, 'limit', ['{"n": 1}', '{"n": 2}']))
      .name;
    const peeked = await peekJob(server.context, name, 'main');
    await peekJob(server.context, name, 'main');

    const details = await getQueue(server.context, name);

    expect(details.headAtReceiveLimit).toEqual({
      messageId: peeked.message?.messageId,
      receiveCount: 2,
      maxReceiveCount: 2,
    });
  });

  it('names the job moved by third peek', async () => {
    const name = (await createQueueWithJobs(server.context, 'moved', ['{"n": 1}', '{"n": 2}']))
      .name;
    const first = await peekJob(server.context, name, 'main');
    await peekJob(server.context, name, 'main');

    const third = await peekJob(server.context, name, 'main');

    expect(third.message?.body).toBe('{"n": 2}');
    expect(third.deadLetteredMessageId).toBe(first.message?.messageId);
  });
});

describe('endpointProblem', () => {
  it.each([
    ['https://sqs.eu-west-1.amazonaws.com', null],
    ['http://127.0.0.1:4566', null],
  ])('accepts %s', (endpoint, expected) => {
    expect(endpointProblem(endpoint)).toBe(expected);
  });

  it.each([
    ['not-a-url', 'is not a valid URL'],
    ['ftp://127.0.0.1:21', 'must be an http or https URL'],
    ['http://user:secret@127.0.0.1:4566', 'contains a user name or password'],
  ])('rejects %s', (endpoint, expected) => {
    expect(endpointProblem(endpoint)).toContain(expected);
  });
});

describe('pair checks on every call', () => {
  it('refuses second peek of a plain FIFO queue', async () => {
    const name = uniqueQueueName('plainpeek');
    await server.sqs.send(
      new CreateQueueCommand({
        QueueName: sqsQueueNames(name).main,
        Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
      }),
    );
    await rejectionOf(peekJob(server.context, name, 'main'));

    const second = await rejectionOf(peekJob(server.context, name, 'main'));

    expect(second).toMatchObject({ code: 'NOT_A_MUQU_QUEUE' });
  });

  it('refuses delete that would hit another pair', async () => {
    const owner = uniqueQueueName('z');
    const pairName = `${owner}-dead-letter`;
    await createQueue(server.context, pairName);
    await pushJob(server.context, pairName, '{"n": 1}');

    const asOrphan = await rejectionOf(deleteQueue(server.context, owner, 'orphan-dead-letter'));
    const asPair = await rejectionOf(deleteQueue(server.context, owner));
    const counts = await readMessageCounts(server.sqs, sqsQueueNames(pairName).main);

    expect(asOrphan).toMatchObject({ code: 'NOT_A_MUQU_QUEUE' });
    expect(asPair).toMatchObject({ code: 'NOT_A_MUQU_QUEUE' });
    expect(counts.visible).toBe(1);
  });

  it('refuses peek of another pair as dead-letter role', async () => {
    const owner = uniqueQueueName('v');
    const pairName = `${owner}-dead-letter`;
    await createQueue(server.context, pairName);

    const failure = await rejectionOf(peekJob(server.context, owner, 'dead-letter'));

    expect(failure).toMatchObject({ code: 'NOT_A_MUQU_QUEUE' });
  });

  it('refuses a used handle on another queue', async () => {
    const first = (await createQueueWithJobs(server.context, 'used-a', ['{"n": 1}'])).name;
    const second = (await createQueueWithJobs(server.context, 'used-b', ['{"n": 2}'])).name;
    const fetched = await fetchJob(server.context, first, 'main');
    const handle = fetched.message?.receiptHandle ?? '';
    await releaseJob(server.context, first, 'main', handle);

    const failure = await rejectionOf(removeJob(server.context, second, 'main', handle));

    expect(failure).toMatchObject({ code: 'RECEIPT_HANDLE_INVALID' });
  });
});
