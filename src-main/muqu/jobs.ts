import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';
import type { FetchedMessage, PeekedMessage, QueueRole, QueueSettings } from '../../src-shared/api';
import { MuquError } from '../../src-shared/errors';
import { parseJobText } from '../../src-shared/job-text';
import { sqsQueueNames } from '../../src-shared/muqu-names';
import { toMuquError } from '../sqs/errors';
import { readAttributes, settingsFrom } from './attributes';
import type { MuquContext } from './context';
import { rejectUnlessDeadLetter, rejectUnlessMuquMain } from './pair-checks';

/** The library sends every job in this one message group, so each queue is strictly ordered. */
export const MESSAGE_GROUP_ID = 'MessageGroupId';

/**
 * Seconds a peek or fetch from the app waits for a job. The library's own fetch waits
 * up to the queue's 20 s; an interactive click should report an empty queue sooner, and a
 * long poll still returns at once when a job is there.
 */
export const INTERACTIVE_WAIT_SECONDS = 2;

/**
 * Returns the settings of one queue of a pair, from the cache when they were read in
 * the last 30 s unless `fresh` is set. Rejects, on every call, a queue that is not the
 * role it is asked for in a MuQu pair.
 */
async function queueSettings(
  context: MuquContext,
  name: string,
  role: QueueRole,
  options: { fresh: boolean } = { fresh: false },
): Promise<QueueSettings> {
  const names = sqsQueueNames(name);
  const sqsName = role === 'main' ? names.main : names.deadLetter;
  let settings = options.fresh ? null : context.settings.get(sqsName);
  if (settings === null) {
    const url = await context.urls.get(sqsName);
    settings = settingsFrom(sqsName, url, await readAttributes(context, url));
    context.settings.set(sqsName, settings);
  }

  if (role === 'main') rejectUnlessMuquMain(settings, names.deadLetter);
  else rejectUnlessDeadLetter(settings);
  return settings;
}

/**
 * Pushes one job as the library does: the body must be a JSON object, sent as typed
 * less surrounding whitespace, in message group `MessageGroupId`, with content-based
 * deduplication (no deduplication id). Reports when an identical push within 5 minutes
 * makes SQS drop it.
 */
export async function pushJob(
  context: MuquContext,
  name: string,
  typedBody: string,
): Promise<{ messageId: string; sequenceNumber: string | null; duplicateOfPushAt: number | null }> {
  // Whitespace around the object changes nothing for a worker's json.loads, but it
  // would defeat content-based deduplication of otherwise identical jobs.
  const body = typedBody.trim();
  const parsed = parseJobText(body);
  if (!parsed.ok) throw new MuquError(parsed.code, parsed.message);

  try {
    const bytes = Buffer.byteLength(body, 'utf8');
    let settings = await queueSettings(context, name, 'main');
    // A cached limit may be out of date, so a rejection is confirmed with a fresh read.
    if (bytes > settings.maximumMessageBytes) {
      settings = await queueSettings(context, name, 'main', { fresh: true });
    }
    const url = settings.url;
    if (bytes > settings.maximumMessageBytes) {
      throw new MuquError(
        'MESSAGE_TOO_LARGE',
        `The job is ${bytes.toLocaleString('en')} bytes; this queue accepts at most ` +
          `${settings.maximumMessageBytes.toLocaleString('en')} bytes. Make it smaller.`,
      );
    }

    // Recorded before the send, so that identical pushes racing each other are caught.
    const duplicateOfPushAt = context.pushes.record(settings.sqsName, body);
    let sent;
    try {
      sent = await context.sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: body,
          MessageGroupId: MESSAGE_GROUP_ID,
        }),
      );
    } catch (error) {
      if (duplicateOfPushAt === null) context.pushes.forget(settings.sqsName, body);
      throw error;
    }
    context.log.info(
      { queue: name, messageId: sent.MessageId, duplicate: duplicateOfPushAt !== null },
      'job pushed',
    );
    context.log.debug({ queue: name, body }, 'job body');
    return {
      messageId: sent.MessageId ?? '',
      sequenceNumber: sent.SequenceNumber ?? null,
      duplicateOfPushAt,
    };
  } catch (error) {
    throw toMuquError(error, context.endpoint);
  }
}

function epochOrNull(value: string | undefined): number | null {
  const parsed = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function describe(message: Message, maxReceiveCount: number | null): PeekedMessage {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    body: message.Body ?? '',
    receiveCount: Number(attributes.ApproximateReceiveCount ?? '0'),
    sentAt: epochOrNull(attributes.SentTimestamp),
    firstReceivedAt: epochOrNull(attributes.ApproximateFirstReceiveTimestamp),
    sequenceNumber: attributes.SequenceNumber ?? null,
    messageGroupId: attributes.MessageGroupId ?? null,
    maxReceiveCount,
  };
}

async function receiveOne(
  context: MuquContext,
  name: string,
  role: QueueRole,
  visibilityTimeout: number | undefined,
): Promise<{
  message: Message | null;
  settings: QueueSettings;
  requestedAt: number;
}> {
  // A fetch computes when its receipt handle expires, so it reads the visibility
  // timeout fresh; a peek needs only the cached maxReceiveCount.
  const fresh = visibilityTimeout === undefined;
  const settings = await queueSettings(context, name, role, { fresh });
  // SQS starts the visibility timeout somewhere between request and response. Counting
  // from the request errs on the side of calling a receipt handle expired too early.
  const requestedAt = context.now();
  const received = await context.sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: settings.url,
      MaxNumberOfMessages: 1,
      VisibilityTimeout: visibilityTimeout,
      WaitTimeSeconds: INTERACTIVE_WAIT_SECONDS,
      MessageSystemAttributeNames: ['All'],
    }),
  );
  return { message: received.Messages?.[0] ?? null, settings, requestedAt };
}

/**
 * Peeks at the head of a queue as the library does: a receive with VisibilityTimeout 0,
 * so the job is visible again at once. Every peek is a receive and raises the job's
 * receive count; on a main queue that can move the job to the DLQ.
 */
export async function peekJob(
  context: MuquContext,
  name: string,
  role: QueueRole,
): Promise<{ message: PeekedMessage | null; deadLetteredMessageId: string | null }> {
  try {
    const { message, settings } = await receiveOne(context, name, role, 0);
    const peeked = message === null ? null : describe(message, settings.maxReceiveCount);
    const deadLetteredMessageId = context.heads.record(settings.sqsName, peeked);
    context.log.info({ queue: name, role, messageId: peeked?.messageId }, 'job peeked');
    return { message: peeked, deadLetteredMessageId };
  } catch (error) {
    throw toMuquError(error, context.endpoint);
  }
}

/**
 * Fetches the head of a queue as the library does: a receive of one message with the
 * queue's visibility timeout. The job stays hidden until `visibleAgainAt` unless it is
 * removed or released first.
 */
export async function fetchJob(
  context: MuquContext,
  name: string,
  role: QueueRole,
): Promise<{ message: FetchedMessage | null; deadLetteredMessageId: string | null }> {
  try {
    const { message, settings, requestedAt } = await receiveOne(context, name, role, undefined);
    if (message?.ReceiptHandle === undefined || message === null) {
      return { message: null, deadLetteredMessageId: null };
    }

    const visibleAgainAt = requestedAt + settings.visibilityTimeoutSeconds * 1000;
    context.receipts.remember(message.ReceiptHandle, visibleAgainAt, settings.sqsName);
    const fetched = {
      ...describe(message, settings.maxReceiveCount),
      receiptHandle: message.ReceiptHandle,
      visibleAgainAt,
    };
    const deadLetteredMessageId = context.heads.record(settings.sqsName, fetched);
    context.log.info({ queue: name, role, messageId: message.MessageId }, 'job fetched');
    return { message: fetched, deadLetteredMessageId };
  } catch (error) {
    throw toMuquError(error, context.endpoint);
  }
}

/**
 * Rejects a receipt handle this app issued for another queue, or whose visibility
 * timeout has passed. AWS rejects both; fauxqs 2.4 accepts both and reports success.
 */
function rejectUnusableHandle(
  context: MuquContext,
  name: string,
  role: QueueRole,
  receiptHandle: string,
): void {
  const names = sqsQueueNames(name);
  const sqsName = role === 'main' ? names.main : names.deadLetter;
  const issuedFor = context.receipts.queueOf(receiptHandle);
  if (issuedFor !== null && issuedFor !== sqsName) {
    throw new MuquError(
      'RECEIPT_HANDLE_INVALID',
      `This receipt handle belongs to a job fetched from ${issuedFor}, not ${sqsName}. ` +
        'Remove the job from the queue it was fetched from.',
    );
  }

  const expiredAt = context.receipts.expiredAt(receiptHandle);
  if (expiredAt === null) return;
  throw new MuquError(
    'RECEIPT_HANDLE_EXPIRED',
    `This fetch expired at ${new Date(expiredAt).toLocaleTimeString('en-GB')}: the job is visible ` +
      'again and a worker may already have it. Fetch the job again, then remove it.',
  );
}

/** Removes a fetched job by its receipt handle, as the library's remove does. */
export async function removeJob(
  context: MuquContext,
  name: string,
  role: QueueRole,
  receiptHandle: string,
): Promise<Record<string, never>> {
  rejectUnusableHandle(context, name, role, receiptHandle);
  try {
    const { url, sqsName } = await queueSettings(context, name, role);
    await context.sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: receiptHandle }),
    );
    context.receipts.forget(receiptHandle);
    // Only the head of a MuQu queue can be fetched, so the remembered head is gone too.
    context.heads.forget(sqsName);
    context.log.info({ queue: name, role }, 'job removed');
    return {};
  } catch (error) {
    throw toMuquError(error, context.endpoint);
  }
}

/** Makes a fetched job visible again at once (visibility timeout 0), so a worker can take it. */
export async function releaseJob(
  context: MuquContext,
  name: string,
  role: QueueRole,
  receiptHandle: string,
): Promise<Record<string, never>> {
  rejectUnusableHandle(context, name, role, receiptHandle);
  try {
    const { url } = await queueSettings(context, name, role);
    await context.sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    context.receipts.forget(receiptHandle);
    context.log.info({ queue: name, role }, 'job released');
    return {};
  } catch (error) {
    throw toMuquError(error, context.endpoint);
  }
}
