import { z } from 'zod';
import { muquNameProblem } from './muqu-names';

/**
 * The API between the renderer and the main process, defined once. Each operation
 * has an input schema, checked by the main process whichever transport carried the
 * request, and a result schema that types what the renderer receives.
 */

/** SQS's ceiling for one message, in UTF-8 bytes; a queue's own limit may be lower. */
export const SQS_MAX_MESSAGE_BYTES = 1_048_576;

const connectionId = z.string().min(1).max(100);

const muquName = z.string().superRefine((name, context) => {
  const problem = muquNameProblem(name);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});

const queueRole = z.enum(['main', 'dead-letter']);
export type QueueRole = z.infer<typeof queueRole>;

const queueTarget = z.object({ connectionId, name: muquName, queue: queueRole });

// Real receipt handles are a few hundred characters; the cap only stops abuse.
const receiptHandle = z.string().min(1).max(8192);

const counts = z.object({
  visible: z.number().int(),
  inFlight: z.number().int(),
  delayed: z.number().int(),
});
export type QueueCounts = z.infer<typeof counts>;

const connection = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['sandbox', 'environment']),
  region: z.string(),
  endpoint: z.string(),
  /** One line for the connection picker, such as "In memory: data lasts while the app runs". */
  description: z.string(),
});
export type Connection = z.infer<typeof connection>;

const queueSummary = z.object({
  kind: z.enum(['muqu', 'orphan-dead-letter', 'other']),
  /** The MuQu name; null for queues that are not part of a MuQu pair. */
  muquName: z.string().nullable(),
  sqsName: z.string(),
  url: z.string(),
  deadLetterSqsName: z.string().nullable(),
  deadLetterUrl: z.string().nullable(),
  counts: counts.nullable(),
  deadLetterCounts: counts.nullable(),
});
export type QueueSummary = z.infer<typeof queueSummary>;

const queueSettings = z.object({
  sqsName: z.string(),
  url: z.string(),
  counts,
  fifo: z.boolean(),
  contentBasedDeduplication: z.boolean(),
  visibilityTimeoutSeconds: z.number().int(),
  receiveWaitTimeSeconds: z.number().int(),
  retentionSeconds: z.number().int(),
  maximumMessageBytes: z.number().int(),
  /** From the RedrivePolicy; null on a dead-letter queue. */
  maxReceiveCount: z.number().int().nullable(),
  deadLetterTargetArn: z.string().nullable(),
});
export type QueueSettings = z.infer<typeof queueSettings>;

const seenHead = z.object({
  messageId: z.string(),
  receiveCount: z.number().int(),
  maxReceiveCount: z.number().int(),
});
export type SeenHead = z.infer<typeof seenHead>;

const queueDetails = z.object({
  name: z.string(),
  main: queueSettings.nullable(),
  deadLetter: queueSettings.nullable(),
  /** The head job last seen through this app, when its next receive moves it to the DLQ. */
  headAtReceiveLimit: seenHead.nullable(),
});
export type QueueDetails = z.infer<typeof queueDetails>;

const peekedMessage = z.object({
  messageId: z.string(),
  /** The body exactly as stored in SQS. */
  body: z.string(),
  receiveCount: z.number().int(),
  sentAt: z.number().nullable(),
  firstReceivedAt: z.number().nullable(),
  sequenceNumber: z.string().nullable(),
  messageGroupId: z.string().nullable(),
  /** The queue's maxReceiveCount; null on a dead-letter queue, which has none. */
  maxReceiveCount: z.number().int().nullable(),
});
export type PeekedMessage = z.infer<typeof peekedMessage>;

const fetchedMessage = peekedMessage.extend({
  receiptHandle: z.string(),
  /** Epoch milliseconds at which SQS hands the message out again unless it is removed. */
  visibleAgainAt: z.number(),
});
export type FetchedMessage = z.infer<typeof fetchedMessage>;

export const api = {
  listConnections: {
    input: z.object({}),
    result: z.array(connection),
  },
  listQueues: {
    input: z.object({ connectionId }),
    result: z.array(queueSummary),
  },
  getQueue: {
    input: z.object({ connectionId, name: muquName }),
    result: queueDetails,
  },
  createQueue: {
    input: z.object({ connectionId, name: muquName }),
    result: queueSummary,
  },
  deleteQueue: {
    input: z.object({
      connectionId,
      name: muquName,
      /** 'orphan-dead-letter' deletes only the DLQ of a pair whose main queue is gone. */
      kind: z.enum(['muqu', 'orphan-dead-letter']).default('muqu'),
    }),
    result: z.object({ deleted: z.array(z.string()) }),
  },
  pushJob: {
    // Four bytes per character is the UTF-8 worst case; the byte limit is checked in main.
    input: z.object({ connectionId, name: muquName, body: z.string().max(SQS_MAX_MESSAGE_BYTES) }),
    result: z.object({
      messageId: z.string(),
      sequenceNumber: z.string().nullable(),
      /** When the same body went to this queue in the last 5 minutes, SQS drops this one. */
      duplicateOfPushAt: z.number().nullable(),
    }),
  },
  peekJob: {
    input: queueTarget,
    result: z.object({
      message: peekedMessage.nullable(),
      /** The id of the previous head job, when it was at its receive limit and is gone now. */
      deadLetteredMessageId: z.string().nullable(),
    }),
  },
  fetchJob: {
    input: queueTarget,
    result: z.object({
      message: fetchedMessage.nullable(),
      deadLetteredMessageId: z.string().nullable(),
    }),
  },
  removeJob: {
    input: queueTarget.extend({ receiptHandle }),
    result: z.object({}),
  },
  releaseJob: {
    input: queueTarget.extend({ receiptHandle }),
    result: z.object({}),
  },
} as const;

export type Api = typeof api;
export type OperationName = keyof Api;
export type OperationInput<Name extends OperationName> = z.input<Api[Name]['input']>;
export type OperationResult<Name extends OperationName> = z.infer<Api[Name]['result']>;

export const operationNames = Object.keys(api) as OperationName[];

/** Returns the IPC channel of an operation in the Electron transport. */
export function ipcChannel(name: OperationName): string {
  return `muqu:${name}`;
}

/** URL path prefix of the API in the web transport; the operation name follows it. */
export const HTTP_API_PREFIX = '/api/';

/** Returns the URL path of an operation in the web transport. */
export function httpPath(name: OperationName): string {
  return `${HTTP_API_PREFIX}${name}`;
}
