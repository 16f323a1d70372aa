import { InputError } from '@backstage/errors';
import { isDeepStrictEqual } from 'util';
import { Document, parse } from 'yaml';

/**
 * A YAML file rendered only through the `yaml` library (never by string concatenation), so
 * every value is quoted/escaped as YAML needs: document markers, anchors, `#`, `: `, quotes
 * and line separators stay data. The output is parsed back and must equal `value`.
 * `comment` becomes `#` lines at the top (the library prefixes every line).
 */
export function yamlFile(value: unknown, comment?: string): string {
  const doc = new Document(value);
  if (comment) doc.commentBefore = comment;
  const text = doc.toString();
  assertRoundTrip(text, value);
  return text;
}

/** Throws unless `text` parses back to exactly `value` (one document, no aliases). */
export function assertRoundTrip(text: string, value: unknown): void {
  const back = parse(text, { uniqueKeys: true, maxAliasCount: 0 });
  if (!isDeepStrictEqual(back, JSON.parse(JSON.stringify(value)))) {
    throw new InputError('a value could not be written into YAML unchanged');
  }
}
