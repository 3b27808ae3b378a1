import { describe, expect, it } from 'vitest';
import { findJsonErrorOffset, parseJobText } from '../../src-shared/job-text';

describe('parseJobText', () => {
  it('accepts JSON object', () => {
    expect(parseJobText('{"task": "resize", "size": 3}')).toEqual({
      ok: true,
      value: { task: 'resize', size: 3 },
    });
  });

  it('accepts empty object', () => {
    expect(parseJobText('{}')).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['array', '[1, 2]', 'an array'],
    ['string', '"resize"', 'a string'],
    ['number', '42', 'a number'],
    ['null', 'null', 'null'],
    ['boolean', 'true', 'a boolean'],
  ])('rejects %s as not an object', (_kind, text, described) => {
    const result = parseJobText(text);

    expect(result).toMatchObject({ ok: false, code: 'NOT_A_JSON_OBJECT' });
    expect(result.ok ? '' : result.message).toContain(`this is ${described}`);
  });

  it('locates missing colon', () => {
    const result = parseJobText('{\n  "task" "resize"\n}');

    expect(result).toMatchObject({ ok: false, code: 'INVALID_JSON', line: 2, column: 10 });
  });

  it('locates unexpected closing brace', () => {
    const result = parseJobText('{"a": 1,\n  "b": }');

    expect(result).toMatchObject({ ok: false, code: 'INVALID_JSON', line: 2, column: 8 });
  });

  it('locates unexpected token in long text', () => {
    const text = `{"padding": "${'x'.repeat(200)}",\n "next": nope}`;

    expect(parseJobText(text)).toMatchObject({
      ok: false,
      code: 'INVALID_JSON',
      line: 2,
      column: 10,
    });
  });

  it('locates truncated object at end', () => {
    const result = parseJobText('{"task": "resize"');

    expect(result).toMatchObject({ ok: false, code: 'INVALID_JSON', line: 1, column: 18 });
  });

  it('names position in message', () => {
    const result = parseJobText('{\n  "task" "resize"\n}');

    expect(result.ok ? '' : result.message).toContain('at line 2, column 10');
  });

  it('rejects raw control character', () => {
    const result = parseJobText('{"note": "beep\u0007end"}');

    expect(result).toMatchObject({ ok: false, code: 'INVALID_JSON', line: 1, column: 15 });
  });

  it('accepts escaped control character', () => {
    expect(parseJobText('{"note": "beep\\u0007end"}')).toEqual({
      ok: true,
      value: { note: 'beep\u0007end' },
    });
  });

  it('rejects empty text', () => {
    const result = parseJobText('');

    expect(result).toMatchObject({ ok: false, code: 'INVALID_JSON' });
    expect(result.ok ? '' : result.message).toContain('The job is empty');
  });

  it('rejects whitespace-only text', () => {
    const result = parseJobText('  \n ');

    expect(result.ok ? '' : result.message).toContain('The job is empty');
  });

  it.each(['{"a": 1,}', '{"a": [1, 2,\n]}'])('explains trailing comma in %j', (text) => {
    const result = parseJobText(text);

    expect(result.ok ? '' : result.message).toContain('JSON allows no comma after the last item');
  });

  it('gives no comma hint for other errors', () => {
    const result = parseJobText('{"a" 1}');

    expect(result.ok ? '' : result.message).not.toContain('comma after the last item');
  });
});

describe('findJsonErrorOffset', () => {
  it.each([
    ['object', '{"a": [1, -2.5e+3, true, false, null, "x\\"\\u00e9"]}'],
    ['nested empty containers', ' { "a" : { } , "b" : [ ] } '],
    ['string', '"text"'],
    ['number', '-0.5'],
  ])('returns null for valid %s', (_kind, text) => {
    expect(findJsonErrorOffset(text)).toBeNull();
  });

  it.each([
    ['trailing comma in array', '[1,]', 3],
    ['trailing comma in object', '{"a": 1,}', 8],
    ['unknown word', '{"a": nope}', 6],
    ['unclosed array', '[[[]]', 5],
    ['text after value', '{"a": 1}x', 8],
    ['bad escape', '{"a": "\\x"}', 7],
    ['raw tab in string', '{"a": "x\ty"}', 8],
    ['leading zero', '{"a": 01}', 7],
    ['empty text', '', 0],
  ])('finds %s', (_kind, text, offset) => {
    expect(findJsonErrorOffset(text)).toBe(offset);
  });

  it('gives up on very deep nesting', () => {
    expect(findJsonErrorOffset('['.repeat(1_000_000))).toBeNull();
  });
});
