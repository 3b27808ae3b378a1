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

class JsonScanError extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Finds the offset of the first character that makes `text` invalid JSON, or the
 * text length when it ends too early. V8 in Node 22 leaves the position out of some
 * JSON.parse messages ("Unexpected token '}', ... is not valid JSON"), so this scan
 * supplies it. Returns null when the text is valid or nested too deeply to scan.
 */
export function findJsonErrorOffset(text: string): number | null {
  let index = 0;
  const fail = (): never => {
    throw new JsonScanError(index);
  };
  const skipWhitespace = () => {
    while (index < text.length && ' \t\n\r'.includes(text.charAt(index))) index += 1;
  };
  const expect = (character: string) => {
    if (text.charAt(index) !== character) fail();
    index += 1;
  };

  const scanString = () => {
    expect('"');
    for (;;) {
      const character = text.charAt(index);
      if (index >= text.length || character.charCodeAt(0) < 0x20) fail();
      if (character === '"') break;
      if (character === '\\') {
        JSON_ESCAPE.lastIndex = index;
        if (!JSON_ESCAPE.test(text)) fail();
        index = JSON_ESCAPE.lastIndex;
      } else {
        index += 1;
      }
    }
    index += 1;
  };

  const scanValue = (): void => {
    skipWhitespace();
    const character = text.charAt(index);
    if (character === '{' || character === '[') {
      const close = character === '{' ? '}' : ']';
      index += 1;
      skipWhitespace();
      if (text.charAt(index) === close) {
        index += 1;
        return;
      }
      for (;;) {
        if (close === '}') {
          skipWhitespace();
          scanString();
          skipWhitespace();
          expect(':');
        }
        scanValue();
        skipWhitespace();
        if (text.charAt(index) === close) break;
        expect(',');
      }
      index += 1;
    } else if (character === '"') {
      scanString();
    } else if (['true', 'false', 'null'].some((word) => text.startsWith(word, index))) {
      index += character === 'f' ? 5 : 4;
    } else {
      JSON_NUMBER.lastIndex = index;
      if (!JSON_NUMBER.test(text)) fail();
      index = JSON_NUMBER.lastIndex;
    }
  };

  try {
    scanValue();
    skipWhitespace();
    if (index < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof JsonScanError) return error.offset;
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** Explains the most common JSON mistake, a comma before a closing brace or bracket. */
function trailingCommaHint(text: string, offset: number | null): string {
  if (offset === null || !['}', ']'].includes(text[offset] ?? '')) return '';
  return text.slice(0, offset).trimEnd().endsWith(',')
    ? ' Remove the comma before it: JSON allows no comma after the last item.'
    : '';
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
    // V8 appends "in JSON at position N (line L column C)"; the position becomes the
    // line and column given here, and the rest of V8's wording is dropped.
    const raw = error instanceof Error ? error.message : String(error);
    const detail = raw.replace(/\s*(in JSON )?at position \d+.*$/s, '');
    const position = /position (\d+)/.exec(raw);
    const offset = position?.[1] === undefined ? findJsonErrorOffset(text) : Number(position[1]);
    const where = offset === null ? undefined : lineAndColumn(text, offset);
    const at = where === undefined ? '' : ` at line ${where.line}, column ${where.column}`;
    return {
      ok: false,
      code: 'INVALID_JSON',
      message:
        text.trim() === ''
          ? 'The job is empty. Enter a JSON object such as {"task": "resize"}.'
          : `The job is not valid JSON${at}: ${detail}${trailingCommaHint(text, offset)}`,
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
