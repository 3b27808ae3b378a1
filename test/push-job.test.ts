import { createHash } from 'node:crypto';
import { SendMessageCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsQueueNames } from '../src-shared/muqu-names';
import { MESSAGE_GROUP_ID, pushJob } from '../src-main/muqu/jobs';
import { createQueue } from '../src-main/muqu/queues';
import { toMuquError } from '../src-main/sqs/errors';
import {
  createTestContext,
  createTestSqsClient,
  queueUrlOf,
  readMessageCounts,
  receiveDirectly,
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

/** Creates a MuQu queue and returns its MuQu name and the SQS name of its main queue. */
async function newQueue(prefix: string): Promise<{ name: string; main: string }> {
  const name = uniqueQueueName(prefix);
  await createQueue(server.context, name);
  return { name, main: sqsQueueNames(name).main };
}

async function setMaximumMessageSize(sqsName: string, bytes: number): Promise<void> {
  await server.sqs.send(
    new SetQueueAttributesCommand({
      QueueUrl: await queueUrlOf(server.sqs, sqsName),
      Attributes: { MaximumMessageSize: String(bytes) },
    }),
  );
}

describe('pushJob wire format', () => {
  it('sends body exactly as typed', async () => {
    const queue = await newQueue('typed');
    const body = '{ "task":"resize",\n\t"size" : 3 }';

    await pushJob(server.context, queue.name, body);
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Body).toBe(body);
  });

  it('sends group id MessageGroupId', async () => {
    const queue = await newQueue('group');

    await pushJob(server.context, queue.name, '{"task": "group"}');
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Attributes?.MessageGroupId).toBe('MessageGroupId');
  });

  it('sends no deduplication id', async () => {
    const queue = await newQueue('nodedup');
    const requests = recordRequests(server.context.sqs);

    await pushJob(server.context, queue.name, '{"task": "nodedup"}');
    const send = requests.find((request) => request.command === 'SendMessageCommand');

    expect(send?.input.MessageGroupId).toBe(MESSAGE_GROUP_ID);
    expect(send?.input).not.toHaveProperty('MessageDeduplicationId');
  });

  it('lets server derive deduplication id from body', async () => {
    const queue = await newQueue('derived');
    const body = '{"task": "derived"}';

    await pushJob(server.context, queue.name, body);
    const received = await receiveDirectly(server.sqs, queue.main);
    const bodyHash = createHash('sha256').update(body).digest('hex');

    expect(received?.Attributes?.MessageDeduplicationId).toBe(bodyHash);
  });

  it('sends no per-message delay', async () => {
    const queue = await newQueue('nodelay');
    const requests = recordRequests(server.context.sqs);

    await pushJob(server.context, queue.name, '{"task": "nodelay"}');
    const send = requests.find((request) => request.command === 'SendMessageCommand');

    expect(send?.input).not.toHaveProperty('DelaySeconds');
  });

  it('makes job visible at once', async () => {
    const queue = await newQueue('visible');

    await pushJob(server.context, queue.name, '{"task": "visible"}');
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Body).toBe('{"task": "visible"}');
  });

  it('returns message id and sequence number', async () => {
    const queue = await newQueue('ids');

    const result = await pushJob(server.context, queue.name, '{"task": "ids"}');
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(result.messageId).toBe(received?.MessageId);
    expect(result.sequenceNumber).toMatch(/^\d+$/);
    expect(result.duplicateOfPushAt).toBeNull();
  });
});

describe('pushJob deduplication', () => {
  it('reports repeat push within 5 minutes', async () => {
    const queue = await newQueue('repeat');
    const before = server.clock.now();

    await pushJob(server.context, queue.name, '{"task": "repeat"}');
    const second = await pushJob(server.context, queue.name, '{"task": "repeat"}');

    expect(second.duplicateOfPushAt).toBeGreaterThanOrEqual(before);
  });

  it('keeps one message for repeat push', async () => {
    const queue = await newQueue('onecopy');

    await pushJob(server.context, queue.name, '{"task": "once"}');
    await pushJob(server.context, queue.name, '{"task": "once"}');
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(counts.visible).toBe(1);
  });

  it('returns original message id for repeat push', async () => {
    const queue = await newQueue('sameid');

    const first = await pushJob(server.context, queue.name, '{"task": "same"}');
    const second = await pushJob(server.context, queue.name, '{"task": "same"}');

    expect(second.messageId).toBe(first.messageId);
  });

  it('treats other whitespace as new body', async () => {
    const queue = await newQueue('spacing');

    await pushJob(server.context, queue.name, '{"task": "space"}');
    const second = await pushJob(server.context, queue.name, '{"task":"space"}');
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(second.duplicateOfPushAt).toBeNull();
    expect(counts.visible).toBe(2);
  });

  it('trims whitespace around the object', async () => {
    const queue = await newQueue('trimmed');

    await pushJob(server.context, queue.name, '\n {"task": "trim"}\n\n');
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Body).toBe('{"task": "trim"}');
  });

  it('treats trailing newline as same body', async () => {
    const queue = await newQueue('newline');

    await pushJob(server.context, queue.name, '{"task": "newline"}');
    const second = await pushJob(server.context, queue.name, '{"task": "newline"}\n');
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(second.duplicateOfPushAt).not.toBeNull();
    expect(counts.visible).toBe(1);
  });

  it('forgets push after 5 minutes', async () => {
    const queue = await newQueue('window');
    const clock = new TestClock();
    const context = createTestContext(server.context.sqs, server.sandbox.endpoint, clock);

    await pushJob(context, queue.name, '{"task": "window"}');
    clock.advance(5 * 60 * 1000);
    const second = await pushJob(context, queue.name, '{"task": "window"}');

    expect(second.duplicateOfPushAt).toBeNull();
  });
});

describe('pushJob checks', () => {
  it('rejects array before sending', async () => {
    const queue = await newQueue('array');
    const requests = recordRequests(server.context.sqs);

    await expect(pushJob(server.context, queue.name, '[1, 2]')).rejects.toMatchObject({
      code: 'NOT_A_JSON_OBJECT',
    });
    expect(requests).toHaveLength(0);
  });

  it('leaves queue empty after rejected push', async () => {
    const queue = await newQueue('empty');

    await pushJob(server.context, queue.name, '"just text"').catch(() => undefined);
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(counts.visible).toBe(0);
  });

  it('rejects invalid JSON before sending', async () => {
    const queue = await newQueue('badjson');
    const requests = recordRequests(server.context.sqs);

    await expect(pushJob(server.context, queue.name, '{"task": }')).rejects.toMatchObject({
      code: 'INVALID_JSON',
    });
    expect(requests).toHaveLength(0);
  });

  it('rejects missing queue as not found', async () => {
    await expect(
      pushJob(server.context, uniqueQueueName('missing'), '{"task": "lost"}'),
    ).rejects.toMatchObject({ code: 'QUEUE_NOT_FOUND' });
  });
});

describe('pushJob size limit', () => {
  // 400 two-byte characters: 400 characters of text, 800 bytes of UTF-8.
  const accents = 'é'.repeat(400);

  it('counts UTF-8 bytes, not characters', async () => {
    const queue = await newQueue('bytes');
    await setMaximumMessageSize(queue.main, 1024);
    const body = `{"note": "${accents}${accents}"}`;

    await expect(pushJob(server.context, queue.name, body)).rejects.toMatchObject({
      code: 'MESSAGE_TOO_LARGE',
    });
    expect(body.length).toBeLessThan(1024);
  });

  it('rejects oversize body before sending', async () => {
    const queue = await newQueue('nosend');
    await setMaximumMessageSize(queue.main, 1024);
    const requests = recordRequests(server.context.sqs);

    await pushJob(server.context, queue.name, `{"note": "${accents}${accents}"}`).catch(
      () => undefined,
    );

    expect(requests.map((request) => request.command)).not.toContain('SendMessageCommand');
  });

  it('accepts body of exactly the limit', async () => {
    const queue = await newQueue('exact');
    await setMaximumMessageSize(queue.main, 1024);
    const prefix = '{"note": "';
    const body = `${prefix}${'x'.repeat(1024 - prefix.length - 2)}"}`;

    await pushJob(server.context, queue.name, body);
    const counts = await readMessageCounts(server.sqs, queue.main);

    expect(Buffer.byteLength(body)).toBe(1024);
    expect(counts.visible).toBe(1);
  });

  it('names both sizes in message', async () => {
    const queue = await newQueue('message');
    await setMaximumMessageSize(queue.main, 1024);
    const body = `{"note": "${accents}${accents}"}`;

    await expect(pushJob(server.context, queue.name, body)).rejects.toThrow(
      `The job is ${Buffer.byteLength(body).toLocaleString('en')} bytes; ` +
        'this queue accepts at most 1,024 bytes.',
    );
  });

  it('accepts 600,000 bytes on 1 MiB queue', async () => {
    const queue = await newQueue('big');
    const body = `{"data": "${'x'.repeat(600_000 - 12)}"}`;

    await pushJob(server.context, queue.name, body);
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(Buffer.byteLength(body)).toBe(600_000);
    expect(received?.Body).toBe(body);
  });

  it('rejects 1 MiB plus one byte', async () => {
    const queue = await newQueue('ceiling');
    const body = `{"data": "${'x'.repeat(1_048_577 - 12)}"}`;

    await expect(pushJob(server.context, queue.name, body)).rejects.toMatchObject({
      code: 'MESSAGE_TOO_LARGE',
    });
  });
});

describe('pushJob settings cache', () => {
  it('reads queue settings once for two pushes', async () => {
    const endpoint = server.sandbox.endpoint;
    const context = createTestContext(createTestSqsClient(endpoint), endpoint, new TestClock());
    const name = uniqueQueueName('cached');
    await createQueue(context, name);
    const requests = recordRequests(context.sqs);

    await pushJob(context, name, '{"n": 1}');
    await pushJob(context, name, '{"n": 2}');
    const reads = requests.filter((request) => request.command === 'GetQueueAttributesCommand');

    expect(reads).toHaveLength(1);
  });

  it('rereads a raised limit before rejecting', async () => {
    const queue = await newQueue('raised');
    await setMaximumMessageSize(queue.main, 1024);
    await pushJob(server.context, queue.name, '{"n": 1}');
    await setMaximumMessageSize(queue.main, 4096);
    const body = `{"pad": "${'x'.repeat(2000)}"}`;

    const result = await pushJob(server.context, queue.name, body);

    expect(result.messageId).not.toBe('');
  });
});

describe('pushJob characters', () => {
  it('returns emoji body byte-identical', async () => {
    const queue = await newQueue('emoji');
    const body = '{"note": "deploy done 🚀"}';

    await pushJob(server.context, queue.name, body);
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(Buffer.from(received?.Body ?? '', 'utf8')).toEqual(Buffer.from(body, 'utf8'));
  });

  it('rejects raw U+0007 as invalid JSON', async () => {
    const queue = await newQueue('bell');
    const requests = recordRequests(server.context.sqs);

    await expect(
      pushJob(server.context, queue.name, '{"note": "beep\u0007end"}'),
    ).rejects.toMatchObject({ code: 'INVALID_JSON' });
    expect(requests).toHaveLength(0);
  });

  it('sends escaped U+0007 unchanged', async () => {
    const queue = await newQueue('escaped');
    const body = '{"note": "beep\\u0007end"}';

    await pushJob(server.context, queue.name, body);
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Body).toBe(body);
  });

  it('reports server rejection of U+FFFF', async () => {
    const queue = await newQueue('nonchar');

    const error = await rejectionOf(pushJob(server.context, queue.name, '{"note": "x\uFFFFy"}'));

    expect(error).toMatchObject({ code: 'INVALID_MESSAGE_CONTENTS' });
    expect(error.message).toContain('U+FFFF');
  });

  it('sends escaped newline and tab unchanged', async () => {
    const queue = await newQueue('escapes');
    const body = '{"text": "line1\\nline2\\ttab"}';

    await pushJob(server.context, queue.name, body);
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(received?.Body).toBe(body);
  });

  it('parses escapes back to newline and tab', async () => {
    const queue = await newQueue('parsed');

    await pushJob(server.context, queue.name, '{"text": "line1\\nline2\\ttab"}');
    const received = await receiveDirectly(server.sqs, queue.main);

    expect(JSON.parse(received?.Body ?? '{}')).toEqual({ text: 'line1\nline2\ttab' });
  });
});

describe('raw SDK send to MuQu queue', () => {
  it('fails without group id', async () => {
    const queue = await newQueue('nogroup');
    const url = await queueUrlOf(server.sqs, queue.main);

    await expect(
      server.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '{"orderId": 1}' })),
    ).rejects.toThrow('The request must contain the parameter MessageGroupId.');
  });

  it('succeeds with group id g1', async () => {
    const queue = await newQueue('withgroup');
    const url = await queueUrlOf(server.sqs, queue.main);

    const sent = await server.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: '{"orderId": 1}',
        MessageGroupId: 'g1',
      }),
    );

    expect(sent.MessageId).toMatch(/\S/);
    expect(sent.SequenceNumber).toMatch(/^\d+$/);
  });

  it('fails with per-message delay 10', async () => {
    const queue = await newQueue('delay');
    const url = await queueUrlOf(server.sqs, queue.main);

    const error = await rejectionOf(
      server.sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: '{"late": true}',
          MessageGroupId: MESSAGE_GROUP_ID,
          DelaySeconds: 10,
        }),
      ),
    );

    expect(error).toMatchObject({
      message:
        'Value 10 for parameter DelaySeconds is invalid. Reason: The request include ' +
        'parameter that is not valid for this queue type.',
    });
    expect(toMuquError(error, server.sandbox.endpoint).code).toBe('INVALID_INPUT');
  });

  it('accepts per-message delay 0', async () => {
    const queue = await newQueue('delayzero');
    const url = await queueUrlOf(server.sqs, queue.main);

    const sent = await server.sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: '{"late": false}',
        MessageGroupId: MESSAGE_GROUP_ID,
        DelaySeconds: 0,
      }),
    );

    expect(sent.MessageId).toMatch(/\S/);
  });

  it('fails with raw U+0007 in body', async () => {
    const queue = await newQueue('rawbell');
    const url = await queueUrlOf(server.sqs, queue.main);

    const error = await rejectionOf(
      server.sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'beep\u0007end',
          MessageGroupId: MESSAGE_GROUP_ID,
        }),
      ),
    );

    expect(error.name).toMatch(/InvalidMessageContents$/);
    expect(toMuquError(error, server.sandbox.endpoint).code).toBe('INVALID_MESSAGE_CONTENTS');
  });
});
