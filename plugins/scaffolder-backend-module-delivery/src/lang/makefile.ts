import { InputError } from '@backstage/errors';
import { LINE_BREAK, hasControlChars } from './chars';

/**
 * What a value may contain to be written into a Makefile: make expands `$` (and `$$` becomes
 * a literal `$` that then reaches the shell of a recipe, where `$(cmd)` runs), `#` starts a
 * comment, a backslash or newline continues/ends the line, and our recipes quote values in
 * `"..."`. So values are a conservative shell-word charset: no `$`, backticks, quotes,
 * spaces, `#`, `\`, `;`, `|`, `&`, `(`, `)`, `<`, `>`, `*`, `?`, newlines.
 */
const MAKE_SAFE = /^[A-Za-z0-9._:/@%+=,~-]*$/;

/** Returns `value` for a Makefile variable or recipe, or throws an InputError naming `field`. */
export function makeValue(field: string, value: string): string {
  if (!MAKE_SAFE.test(value)) {
    throw new InputError(
      `${field} cannot be written into a Makefile: only letters, digits and . _ : / @ % + = , ~ - are allowed`,
    );
  }
  return value;
}

/**
 * A make-level literal for text that never reaches a shell (e.g. a variable used only by
 * make functions): `$` is doubled, newlines and `#` are rejected.
 */
export function makeLiteral(field: string, value: string): string {
  if (LINE_BREAK.test(value) || /[#\\]/.test(value) || hasControlChars(value)) {
    throw new InputError(
      `${field} cannot be written into a Makefile: no newlines, '#' or backslashes`,
    );
  }
  return value.replace(/\$/g, '$$$$');
}

/** `NAME ?= value` with the value checked by {@link makeValue}. */
export function makeAssignment(
  name: string,
  field: string,
  value: string,
): string {
  return `${name} ?= ${makeValue(field, value)}`;
}
