import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ListQueuesCommand,
} from '@aws-sdk/client-sqs';
import type { QueueCounts, QueueDetails, QueueSummary } from '../../src-shared/api';
import { MuquError } from '../../src-shared/errors';
import { classifyQueueNames, sqsQueueNames } from '../../src-shared/muqu-names';
import { toMuquError } from '../sqs/errors';
import { countsFrom, readAttributes, settingsFrom } from './attributes';
import type { MuquContext } from './context';
import { rejectUnlessDeadLetter } from './pair-checks';

/** Attributes of a MuQu dead-letter queue, exactly as the Python library sets them. */
export const DEAD_LETTER_ATTRIBUTES = {
  FifoQueue: 'true',
  MessageRetentionPeriod: '1209600',
} as const;

/** Attributes of a MuQu main queue, without the RedrivePolicy that names its DLQ. */
export const MAIN_QUEUE_ATTRIBUTES = {
  FifoQueue: 'true',
  ContentBasedDeduplication: 'true',
  ReceiveMessageWaitTimeSeconds: '20',
} as const;

/** The library writes maxReceiveCount as the string "2". */
export const MAX_RECEIVE_COUNT = '2';

// GetQueueAttributes calls in flight at once while listing; enough to hide latency
// without tripping the SQS request rate on accounts with hundreds of queues.
const LIST_CONCURRENCY = 8;

function isQueueNotFound(error: unknown): boolean {
  return error instanceof MuquError && error.code === 'QUEUE_NOT_FOUND';
}

async function listAllQueueUrls(context: MuquContext): Promise<string[]> {
  const urls: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await context.sqs.send(
      new ListQueuesCommand({ MaxResults: 1000, NextToken: nextToken }),
    );
    urls.push(...(page.QueueUrls ?? []));
    nextToken = page.NextToken;
  } while (nextToken !== undefined && nextToken !== '');
  return urls;
}

function queueNameOf(url: string): string {
  return decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
}

/** Reads the counts of a queue, or null when it vanished since ListQueues (deleted moments ago). */
async function readCounts(context: MuquContext, url: string): Promise<QueueCounts | null> {
  try {
    const { Attributes } = await context.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    return countsFrom(Attributes ?? {});
  } catch (error) {
    const mapped = toMuquError(error, context.endpoint);
    if (isQueueNotFound(mapped)) return null;
    throw mapped;
  }
}

async function mapWithConcurrency<T, R>(
  items: T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Lists every queue of the connection, across all pages of ListQueues, grouped into
 * MuQu pairs, orphaned dead-letter queues and other queues, with their counts.
 * A queue that disappears between the list and its count read is left out.
 */
export async function listQueues(context: MuquContext): Promise<QueueSummary[]> {
  let urls: string[];
  try {
    urls = await listAllQueueUrls(context);
  } catch (error) {
    throw toMuquError(error, context.endpoint);
  }
  const urlByName = new Map(urls.map((url) => [queueNameOf(url), url]));
  for (const [name, url] of urlByName) context.urls.set(name, url);

  const classified = classifyQueueNames([...urlByName.keys()]);
  const summaries = await mapWithConcurrency(classified, LIST_CONCURRENCY, async (entry) => {
    const url = urlByName.get(entry.sqsName) ?? '';
    const deadLetterUrl =
      entry.deadLetterSqsName === null ? null : (urlByName.get(entry.deadLetterSqsName) ?? null);
    const [counts, deadLetterCounts] = await Promise.all([
      readCounts(context, url),
      deadLetterUrl === null ? Promise.resolve(null) : readCounts(context, deadLetterUrl),
    ]);
    if (counts === null) return null;
    const summary: QueueSummary = {
      kind: entry.kind,
      muquName: entry.muquName,
      sqsName: entry.sqsName,
      url,
      deadLetterSqsName: entry.deadLetterSqsName,
      deadLetterUrl,
      counts,
      deadLetterCounts,
    };
    return summary;
  });
  return summaries.filter((summary): summary is QueueSummary => summary !== null);
}

async function settingsOrNull(context: MuquContext, sqsName: string) {
  try {
    const url = await context.urls.get(sqsName);
    const settings = settingsFrom(sqsName, url, await readAttributes(context, url));
    context.settings.set(sqsName, settings);
    return settings;
  } catch (error) {
    const mapped = toMuquError(error, context.endpoint);
    if (isQueueNotFound(mapped)) {
      context.urls.forget(sqsName);
      context.settings.forget(sqsName);
      return null;
    }
    throw mapped;
  }
}

/** Reads the settings and counts of a MuQu queue and of its DLQ; either may be missing. */
export async function getQueue(context: MuquContext, name: string): Promise<QueueDetails> {
  const names = sqsQueueNames(name);
  const [main, deadLetter] = await Promise.all([
    settingsOrNull(context, names.main),
    settingsOrNull(context, names.deadLetter),
  ]);
  if (main === null && deadLetter === null) {
    throw new MuquError(
      'QUEUE_NOT_FOUND',
      `Queue "${name}" does not exist. Refresh the queue list.`,
    );
  }
  return { name, main, deadLetter, headAtReceiveLimit: context.heads.atLimit(names.main) };
}

function rejectIfDeletedRecently(context: MuquContext, name: string): void {
  const names = sqsQueueNames(name);
  const waitMs = Math.max(
    context.deletions.waitMs(names.main),
    context.deletions.waitMs(names.deadLetter),
  );
  if (waitMs > 0) {
    throw new MuquError(
      'QUEUE_DELETED_RECENTLY',
      `Queue "${name}" was deleted less than 60 seconds ago, and SQS refuses to re-create it ` +
        `until then. Try again in ${Math.ceil(waitMs / 1000)} s.`,
    );
  }
}

/**
 * Creates a MuQu queue the way the Python library does: the DLQ first, then the main
 * queue with a RedrivePolicy pointing at it. Creating a pair that already exists with
 * these attributes succeeds, as it does in SQS.
 */
export async function createQueue(context: MuquContext, name: string): Promise<QueueSummary> {
  rejectIfDeletedRecently(context, name);
  const names = sqsQueueNames(name);

  // Checked first, so that a failing main-queue create leaves no new DLQ behind.
  if ((await pairState(context, name)) === 'main-foreign') {
    throw new MuquError(
      'QUEUE_EXISTS',
      `A queue named ${names.main} already exists and is not a MuQu queue. Pick another name.`,
    );
  }
  const deadLetterExisted = (await settingsOrNull(context, names.deadLetter)) !== null;

  try {
    const deadLetter = await context.sqs.send(
      new CreateQueueCommand({
        QueueName: names.deadLetter,
        Attributes: { ...DEAD_LETTER_ATTRIBUTES },
      }),
    );
    const deadLetterUrl = deadLetter.QueueUrl ?? (await context.urls.get(names.deadLetter));
    context.urls.set(names.deadLetter, deadLetterUrl);

    const { Attributes } = await context.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['QueueArn'] }),
    );
    const deadLetterArn = Attributes?.QueueArn;
    if (deadLetterArn === undefined) throw new Error(`No QueueArn for ${names.deadLetter}`);

    const redrivePolicy = JSON.stringify({
      deadLetterTargetArn: deadLetterArn,
      maxReceiveCount: MAX_RECEIVE_COUNT,
    });
    const main = await context.sqs
      .send(
        new CreateQueueCommand({
          QueueName: names.main,
          Attributes: { ...MAIN_QUEUE_ATTRIBUTES, RedrivePolicy: redrivePolicy },
        }),
      )
      .catch(async (error: unknown) => {
        if (!deadLetterExisted) await removeNewDeadLetter(context, names.deadLetter);
        throw error;
      });
    const url = main.QueueUrl ?? (await context.urls.get(names.main));
    context.urls.set(names.main, url);
    context.log.info({ queue: name }, 'queue created');

    const zero = { visible: 0, inFlight: 0, delayed: 0 };
    return {
      kind: 'muqu',
      muquName: name,
      sqsName: names.main,
      url,
      deadLetterSqsName: names.deadLetter,
      deadLetterUrl,
      counts: (await readCounts(context, url)) ?? zero,
      deadLetterCounts: (await readCounts(context, deadLetterUrl)) ?? zero,
    };
  } catch (error) {
    throw toMuquError(error, context.endpoint);
  }
}

/** Deletes a DLQ this call created when its main queue could not be created. */
async function removeNewDeadLetter(context: MuquContext, sqsName: string): Promise<void> {
  try {
    await deleteIfPresent(context, sqsName);
  } catch (error) {
    context.log.warn({ queue: sqsName, err: error }, 'could not delete the new dead-letter queue');
  }
}

async function deleteIfPresent(context: MuquContext, sqsName: string): Promise<boolean> {
  let url: string;
  try {
    url = await context.urls.get(sqsName);
  } catch (error) {
    const mapped = toMuquError(error, context.endpoint);
    if (isQueueNotFound(mapped)) return false;
    throw mapped;
  }

  try {
    await context.sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
  } catch (error) {
    const mapped = toMuquError(error, context.endpoint);
    if (!isQueueNotFound(mapped)) throw mapped;
  }
  context.urls.forget(sqsName);
  context.settings.forget(sqsName);
  context.deletions.record(sqsName);
  return true;
}

type PairState = 'pair' | 'main-missing' | 'main-foreign';

/** Tells whether `<name>.fifo` exists and sends its failed jobs to `<name>-dead-letter.fifo`. */
async function pairState(context: MuquContext, name: string): Promise<PairState> {
  const names = sqsQueueNames(name);
  const main = await settingsOrNull(context, names.main);
  if (main === null) return 'main-missing';
  const usesDeadLetter = main.deadLetterTargetArn?.endsWith(`:${names.deadLetter}`) === true;
  return usesDeadLetter ? 'pair' : 'main-foreign';
}

function forgetQueueState(context: MuquContext, sqsName: string): void {
  context.pushes.forgetQueue(sqsName);
  context.heads.forget(sqsName);
}

/**
 * Deletes a MuQu queue: the main queue, then its DLQ, as the library does. The two
 * steps are not atomic: when the second fails, the error reports that an orphaned DLQ is
 * left, which the queue list shows. With `kind` 'orphan-dead-letter' only the DLQ is
 * deleted, and only when no main queue uses it. A `<name>.fifo` that does not use the
 * DLQ (another pair's DLQ, say) is never deleted.
 */
export async function deleteQueue(
  context: MuquContext,
  name: string,
  kind: 'muqu' | 'orphan-dead-letter' = 'muqu',
): Promise<{ deleted: string[] }> {
  const names = sqsQueueNames(name);
  const state = await pairState(context, name);
  if (kind === 'orphan-dead-letter' && state === 'pair') {
    throw new MuquError(
      'NOT_A_MUQU_QUEUE',
      `${names.deadLetter} is not orphaned: ${names.main} sends failed jobs to it. ` +
        `Delete queue "${name}" to delete both.`,
    );
  }
  if (kind === 'muqu' && state === 'main-foreign') {
    throw new MuquError(
      'NOT_A_MUQU_QUEUE',
      `${names.main} does not send failed jobs to ${names.deadLetter}, so it is not a MuQu ` +
        'queue. MuQu Desktop does not delete it.',
    );
  }
  // `<name>-dead-letter.fifo` may itself be the main queue of pair `<name>-dead-letter`,
  // which a DLQ never is: a MuQu DLQ has no RedrivePolicy.
  const deadLetter = await settingsOrNull(context, names.deadLetter);
  if (deadLetter !== null) rejectUnlessDeadLetter(deadLetter);

  const deleted: string[] = [];
  if (state === 'pair' && (await deleteIfPresent(context, names.main))) {
    deleted.push(names.main);
    forgetQueueState(context, names.main);
  }

  try {
    if (await deleteIfPresent(context, names.deadLetter)) deleted.push(names.deadLetter);
  } catch (error) {
    if (deleted.length === 0) throw error;
    const cause = error instanceof MuquError ? error.message : String(error);
    throw new MuquError(
      error instanceof MuquError ? error.code : 'INTERNAL',
      `Deleted ${names.main}, but deleting its dead-letter queue ${names.deadLetter} failed: ${cause} ` +
        'The dead-letter queue is listed as orphaned; delete it from there.',
      { cause: error },
    );
  }

  if (deleted.length === 0) {
    throw new MuquError(
      'QUEUE_NOT_FOUND',
      `Queue "${name}" does not exist. Refresh the queue list.`,
    );
  }
  context.log.info({ queue: name, deleted }, 'queue deleted');
  return { deleted };
}
