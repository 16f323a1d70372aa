/**
 * Whether `value` holds a C0 control character (U+0000-U+001F), DEL or, with `c1`, a C1
 * control (U+0080-U+009F), other than those listed in `allowed` (e.g. '\n\t').
 */
export function hasControlChars(
  value: string,
  allowed = '',
  c1 = false,
): boolean {
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const control =
      code < 0x20 || code === 0x7f || (c1 && code >= 0x80 && code <= 0x9f);
    if (control && !allowed.includes(ch)) return true;
  }
  return false;
}

/** Line terminators of any of our target languages (incl. U+2028/U+2029 and NEL). */
export const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
