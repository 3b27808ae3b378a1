import { describe, expect, it } from 'vitest';
import {
  classifyQueueNames,
  MUQU_NAME_RULE,
  muquNameProblem,
  sqsQueueNames,
} from '../../src-shared/muqu-names';

describe('muquNameProblem', () => {
  it('accepts letters, digits, dash, underscore', () => {
    expect(muquNameProblem('Resize_jobs-2')).toBeNull();
  });

  it('accepts 63 characters', () => {
    expect(muquNameProblem('a'.repeat(63))).toBeNull();
  });

  it('rejects 64 characters', () => {
    const problem = muquNameProblem('a'.repeat(64));

    expect(problem).toContain('has 64 characters');
    expect(problem).toContain(MUQU_NAME_RULE);
  });

  it('rejects .fifo suffix', () => {
    expect(muquNameProblem('jobs.fifo')).toContain('Leave out ".fifo"');
  });

  it('rejects dot inside name', () => {
    expect(muquNameProblem('my.queue')).toContain('"." is not allowed');
  });

  it('rejects space', () => {
    expect(muquNameProblem('my queue')).toContain('A space is not allowed');
  });

  it('rejects empty name', () => {
    expect(muquNameProblem('')).toContain('Enter a queue name');
  });

  it('rejects accented letter', () => {
    expect(muquNameProblem('café')).toContain('"é" is not allowed');
  });

  it('rejects emoji as whole character', () => {
    expect(muquNameProblem('deploy🚀')).toContain('"🚀" is not allowed');
  });

  it('states rule with 63 limit', () => {
    expect(MUQU_NAME_RULE).toBe('at most 63 characters: letters, digits, - and _');
  });
});

describe('sqsQueueNames', () => {
  it('fits 63-character name into 80', () => {
    const names = sqsQueueNames('a'.repeat(63));

    expect(names.deadLetter).toHaveLength(80);
    expect(names.main).toHaveLength(68);
  });
});

describe('classifyQueueNames', () => {
  it('pairs main queue with its DLQ', () => {
    expect(classifyQueueNames(['jobs-dead-letter.fifo', 'jobs.fifo'])).toEqual([
      {
        kind: 'muqu',
        muquName: 'jobs',
        sqsName: 'jobs.fifo',
        deadLetterSqsName: 'jobs-dead-letter.fifo',
      },
    ]);
  });

  it('marks DLQ without main as orphan', () => {
    expect(classifyQueueNames(['jobs-dead-letter.fifo'])).toEqual([
      {
        kind: 'orphan-dead-letter',
        muquName: 'jobs',
        sqsName: 'jobs-dead-letter.fifo',
        deadLetterSqsName: null,
      },
    ]);
  });

  it('marks standard queue as other', () => {
    expect(classifyQueueNames(['plain'])).toEqual([
      { kind: 'other', muquName: null, sqsName: 'plain', deadLetterSqsName: null },
    ]);
  });

  it('marks unpaired FIFO queue as other', () => {
    expect(classifyQueueNames(['solo.fifo'])).toEqual([
      { kind: 'other', muquName: null, sqsName: 'solo.fifo', deadLetterSqsName: null },
    ]);
  });

  it('marks pair with invalid MuQu name as other', () => {
    const kinds = classifyQueueNames(['a.b.fifo', 'a.b-dead-letter.fifo']).map((q) => q.kind);

    expect(kinds).toEqual(['other', 'other']);
  });

  it('gives x its DLQ over x-dead-letter', () => {
    const result = classifyQueueNames([
      'x-dead-letter-dead-letter.fifo',
      'x-dead-letter.fifo',
      'x.fifo',
    ]);

    expect(result).toEqual([
      {
        kind: 'orphan-dead-letter',
        muquName: 'x-dead-letter',
        sqsName: 'x-dead-letter-dead-letter.fifo',
        deadLetterSqsName: null,
      },
      {
        kind: 'muqu',
        muquName: 'x',
        sqsName: 'x.fifo',
        deadLetterSqsName: 'x-dead-letter.fifo',
      },
    ]);
  });

  it('treats x-dead-letter as main without x', () => {
    const result = classifyQueueNames(['x-dead-letter-dead-letter.fifo', 'x-dead-letter.fifo']);

    expect(result).toEqual([
      {
        kind: 'muqu',
        muquName: 'x-dead-letter',
        sqsName: 'x-dead-letter.fifo',
        deadLetterSqsName: 'x-dead-letter-dead-letter.fifo',
      },
    ]);
  });
});
