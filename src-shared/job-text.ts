import type { ErrorCode } from './errors';

export type JobTextCheck =
  | { ok: true; value: Record<string, unknown> }
  | {
      ok: false;
      code: Extract<ErrorCode, 'INVALID_JSON' | 'NOT_A_JSON_OBJECT'>;
      message: string;
      line?: number;
      column?: number;
    };

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** Finds the line and column (both from 1) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * Checks that `text` is a JSON object, which is what a MuQu job is (the Python
 * library pushes dicts). Used by the editor while typing and by the main process
 * before every push.
 */
export function parseJobText(text: string): JobTextCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const where =
      position?.[1] === undefined ? undefined : lineAndColumn(text, Number(position[1]));
    const at = where === undefined ? '' : ` at line ${where.line}, column ${where.column}`;
    return {
      ok: false,
      code: 'INVALID_JSON',
      message:
        text.trim() === ''
          ? 'The job is empty. Enter a JSON object such as {"task": "resize"}.'
          : `The job is not valid JSON${at}: ${detail}`,
      ...where,
    };
  }

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      code: 'NOT_A_JSON_OBJECT',
      message: `A job must be a JSON object in braces, such as {"task": "resize"}; this is ${describeType(value)}.`,
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
