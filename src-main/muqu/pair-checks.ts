import type { QueueSettings } from '../../src-shared/api';
import { MuquError } from '../../src-shared/errors';

/**
 * Rejects a main queue whose RedrivePolicy does not name the pair's DLQ: such a queue
 * is not a MuQu queue. The app changes no other queue, even when an API request names one.
 */
export function rejectUnlessMuquMain(settings: QueueSettings, deadLetterSqsName: string): void {
  if (settings.deadLetterTargetArn?.endsWith(`:${deadLetterSqsName}`) === true) return;
  throw new MuquError(
    'NOT_A_MUQU_QUEUE',
    `${settings.sqsName} does not send failed jobs to ${deadLetterSqsName}, so it is not a ` +
      'MuQu queue. MuQu Desktop only lists it and does not change it.',
  );
}

/**
 * Rejects a would-be DLQ that has a RedrivePolicy of its own: `x-dead-letter.fifo` can
 * be the main queue of pair `x-dead-letter`, and receiving from it as a DLQ would move
 * its jobs on without the warning a main queue gets.
 */
export function rejectUnlessDeadLetter(settings: QueueSettings): void {
  if (settings.deadLetterTargetArn === null) return;
  throw new MuquError(
    'NOT_A_MUQU_QUEUE',
    `${settings.sqsName} sends failed jobs to another queue, so it is a main queue, not a ` +
      'dead-letter queue. Open it from the queue list instead.',
  );
}
