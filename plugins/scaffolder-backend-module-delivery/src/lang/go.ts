import { InputError } from '@backstage/errors';

/**
 * A Go interpreted string literal: every character outside printable ASCII, `"` and `\` is
 * escaped (`\n`, `\uXXXX`, ...); lone surrogates (invalid code points in Go) are rejected.
 */
export function goString(value: string): string {
  if (/\p{Cs}/u.test(value)) {
    throw new InputError(
      'a value written into Go source must be valid Unicode',
    );
  }
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A Go module path (`go.mod`): lowercase host, then path elements of safe characters. */
export function goModulePath(field: string, path: string): string {
  if (!/^[a-z0-9.-]+(\/[a-z0-9][a-z0-9._~-]*)+$/.test(path)) {
    throw new InputError(`${field} '${path}' is not a valid Go module path`);
  }
  return path;
}

/** A Go identifier-safe name for directories and binaries (`cmd/<name>`). */
export function goPathElement(field: string, value: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(value)) {
    throw new InputError(`${field} '${value}' cannot be used in a Go path`);
  }
  return value;
}
