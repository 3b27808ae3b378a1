/**
 * MuQu naming rules. A MuQu queue named `jobs` is the SQS FIFO queue `jobs.fifo`
 * with its dead-letter queue `jobs-dead-letter.fifo`.
 */

export const FIFO_SUFFIX = '.fifo';
export const DLQ_SUFFIX = '-dead-letter.fifo';

/** SQS allows at most 80 characters in a queue name, suffix included. */
export const SQS_MAX_QUEUE_NAME_LENGTH = 80;

/** 80 minus the 17 characters of `-dead-letter.fifo`, so that the DLQ name still fits. */
export const MUQU_MAX_NAME_LENGTH = SQS_MAX_QUEUE_NAME_LENGTH - DLQ_SUFFIX.length;

export const MUQU_NAME_RULE = `at most ${MUQU_MAX_NAME_LENGTH} characters: letters, digits, - and _`;

const MUQU_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Returns why `name` is not a valid MuQu queue name, or null when it is valid. */
export function muquNameProblem(name: string): string | null {
  if (name.length === 0) {
    return `Enter a queue name (${MUQU_NAME_RULE}).`;
  }
  if (name.endsWith(FIFO_SUFFIX)) {
    return `Leave out ".fifo": MuQu adds it. A name is ${MUQU_NAME_RULE}.`;
  }
  if (name.length > MUQU_MAX_NAME_LENGTH) {
    return `"${name.slice(0, 20)}…" has ${name.length} characters; a name is ${MUQU_NAME_RULE}.`;
  }
  const invalid = [...name].find((character) => !MUQU_NAME_PATTERN.test(character));
  if (invalid !== undefined) {
    const character = /\s/.test(invalid) ? 'A space' : `"${invalid}"`;
    return `${character} is not allowed; a name is ${MUQU_NAME_RULE}.`;
  }
  return null;
}

export interface SqsQueueNames {
  main: string;
  deadLetter: string;
}

export function sqsQueueNames(muquName: string): SqsQueueNames {
  return { main: `${muquName}${FIFO_SUFFIX}`, deadLetter: `${muquName}${DLQ_SUFFIX}` };
}

export type QueueKind = 'muqu' | 'orphan-dead-letter' | 'other';

export interface ClassifiedQueueName {
  kind: QueueKind;
  /** The MuQu name for a pair or an orphaned DLQ, null for other queues. */
  muquName: string | null;
  /** The SQS name of the main queue, or of the single queue for the other kinds. */
  sqsName: string;
  /** The SQS name of the dead-letter queue of a pair, null otherwise. */
  deadLetterSqsName: string | null;
}

/**
 * Groups the SQS queue names of one account and region into MuQu pairs, orphaned
 * dead-letter queues and other queues. `x-dead-letter.fifo` is the DLQ of `x` when
 * `x.fifo` exists. Otherwise it is the main queue of `x-dead-letter` when
 * `x-dead-letter-dead-letter.fifo` exists, and an orphaned DLQ when it does not.
 */
export function classifyQueueNames(sqsNames: readonly string[]): ClassifiedQueueName[] {
  const remaining = new Set(sqsNames);
  const result: ClassifiedQueueName[] = [];

  // Shortest names first, so that `x.fifo` claims `x-dead-letter.fifo` before
  // `x-dead-letter.fifo` is considered as a main queue itself.
  const byLength = [...sqsNames].sort((a, b) => a.length - b.length || a.localeCompare(b));
  for (const sqsName of byLength) {
    if (!sqsName.endsWith(FIFO_SUFFIX)) continue;
    const muquName = sqsName.slice(0, -FIFO_SUFFIX.length);
    const names = sqsQueueNames(muquName);
    const paired = remaining.has(sqsName) && remaining.has(names.deadLetter);
    if (muquNameProblem(muquName) !== null || !paired) continue;
    remaining.delete(sqsName);
    remaining.delete(names.deadLetter);
    result.push({ kind: 'muqu', muquName, sqsName, deadLetterSqsName: names.deadLetter });
  }

  for (const sqsName of remaining) {
    const base = sqsName.endsWith(DLQ_SUFFIX) ? sqsName.slice(0, -DLQ_SUFFIX.length) : null;
    if (base !== null && muquNameProblem(base) === null) {
      result.push({ kind: 'orphan-dead-letter', muquName: base, sqsName, deadLetterSqsName: null });
    } else {
      result.push({ kind: 'other', muquName: null, sqsName, deadLetterSqsName: null });
    }
  }

  return result.sort((a, b) => a.sqsName.localeCompare(b.sqsName));
}
