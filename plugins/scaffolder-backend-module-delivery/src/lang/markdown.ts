import { InputError } from '@backstage/errors';
import { LINE_BREAK, hasControlChars } from './chars';

function assertOneLine(value: string): void {
  if (LINE_BREAK.test(value) || hasControlChars(value)) {
    throw new InputError('a value written into Markdown must be a single line');
  }
}

/** Characters with a meaning anywhere in a line (links, images, HTML, entities, emphasis, code, tables). */
const INLINE = /[\\`*_{}[\]()<>!|~&]/g;

/**
 * Neutralised Markdown text: the characters that mean something anywhere in a line are
 * backslash-escaped (CommonMark allows that for all ASCII punctuation), and so are block
 * markers at the start (`#`, `-`, `+`, `=`, `1.`), so `[x](javascript:...)`, `![](tracker)`,
 * `<script>`, `&entities;`, emphasis, headings, lists, tables and code spans render as the
 * literal characters. Line breaks are rejected: one value, one line.
 */
export function markdownText(value: string): string {
  assertOneLine(value);
  return value
    .replace(INLINE, '\\$&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** An inline code span whose fence is longer than any backtick run in `value`. */
export function markdownCode(value: string): string {
  assertOneLine(value);
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map(r => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A link `[text](url)` to an http(s) URL; the text is neutralised, the URL percent-encoded. */
export function markdownLink(text: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`'${url}' is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError(`'${url}' is not an http(s) URL`);
  }
  const safe = parsed.href.replace(
    /[()<> \\]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `[${markdownText(text)}](${safe})`;
}
