import { InputError } from '@backstage/errors';

/** A JSON file (`package.json`...): `JSON.stringify`, two-space indent, final newline. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A JavaScript string literal: `JSON.stringify` (quotes, backslashes, controls escaped) plus
 * U+2028/U+2029 escaped, which older engines treat as line terminators inside strings.
 */
export function jsString(value: string): string {
  if (/\p{Cs}/u.test(value)) {
    throw new InputError(
      'a value written into JavaScript must be valid Unicode',
    );
  }
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text for a `//` or `/* *\/` comment: one line, never closing the comment. */
export function jsComment(value: string): string {
  if (/[\r\n\u2028\u2029]|\*\//.test(value)) {
    throw new InputError(
      'a value written into a JavaScript comment must be one line without */',
    );
  }
  return value;
}
