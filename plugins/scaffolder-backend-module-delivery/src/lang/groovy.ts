import { InputError } from '@backstage/errors';
import { LINE_BREAK, hasControlChars } from './chars';

/**
 * A Groovy single-quoted string literal (no `${}` interpolation) for `value`: escapes `\`,
 * `'`, CR, LF and tab. Groovy (like Java) expands `\uXXXX` escapes before lexing, so a line
 * terminator is never written as `\u000a`, and doubling every backslash keeps a literal
 * `\u0027` in the value inert. Other control characters are rejected.
 */
export function groovyString(value: string): string {
  // control characters Groovy has no short escape for (plus DEL)
  if (hasControlChars(value, '\n\r\t')) {
    throw new InputError(
      'a value written into a Jenkinsfile must not contain control characters',
    );
  }
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/**
 * Text for a `//` line comment: no line terminators (incl. U+2028/U+2029/NEL) and no
 * backslash (Groovy expands `\u000a` even inside comments).
 */
export function groovyComment(value: string): string {
  if (
    LINE_BREAK.test(value) ||
    value.includes('\\') ||
    hasControlChars(value)
  ) {
    throw new InputError(
      'a value written into a Jenkinsfile comment must be one line without backslashes',
    );
  }
  return value;
}

/**
 * Checks that braces, brackets and parentheses balance outside of string
 * literals and comments: a cheap syntax sanity check for generated Groovy.
 */
export function groovyBracesBalanced(source: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      i = source.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const triple = source.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      i += quote.length;
      while (i < source.length && !source.startsWith(quote, i)) {
        i += source[i] === '\\' ? 2 : 1;
      }
      if (i >= source.length) return false;
      i += quote.length;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== pairs[c]) return false;
    }
    i++;
  }
  return stack.length === 0;
}
