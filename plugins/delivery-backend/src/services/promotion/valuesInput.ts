import { InputError } from '@backstage/errors';
import { isMap, parseAllDocuments, visit } from 'yaml';
import type { ValuesInput } from './valuesEdit';

/** Keys that could reach an object prototype when merged. */
export const FORBIDDEN_KEYS = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Largest accepted values text. */
export const MAX_VALUES_BYTES = 16 * 1024;

/**
 * Parses the user's values text: one YAML mapping, at most 16 KiB, no
 * anchors, aliases, tags or duplicate keys. Throws `InputError` (400).
 */
export function parseValuesInput(text: unknown): ValuesInput | undefined {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') {
    throw new InputError('values must be a YAML string');
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_VALUES_BYTES) {
    throw new InputError(`values must be at most ${MAX_VALUES_BYTES} bytes`);
  }
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  if (!Array.isArray(docs) || docs.length === 0) return undefined;
  if (docs.length > 1) throw new InputError('values must be one YAML document');
  const doc = docs[0];
  if (doc.errors.length) {
    throw new InputError(
      `values are not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    );
  }
  if (doc.contents === null) return undefined;
  if (!isMap(doc.contents))
    throw new InputError('values must be a YAML mapping');
  let problem: string | undefined;
  visit(doc, {
    Alias() {
      problem = 'values must not use YAML aliases';
      return visit.BREAK;
    },
    Node(_key, node) {
      if ('anchor' in node && node.anchor) {
        problem = 'values must not use YAML anchors';
        return visit.BREAK;
      }
      if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
        problem = 'values must not use custom YAML tags';
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_key, pair) {
      const k = pair.key as { value?: unknown } | null;
      if (!k || typeof k.value !== 'string' || k.value === '<<') {
        problem = 'values keys must be plain strings (no merge keys)';
        return visit.BREAK;
      }
      if (FORBIDDEN_KEYS.has(k.value)) {
        problem = `values must not use the key "${k.value}"`;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (problem) throw new InputError(problem);
  return doc.toJS({ maxAliasCount: 0 }) as ValuesInput;
}
