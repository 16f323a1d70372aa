import { isScalar, Pair, Scalar, stringify } from 'yaml';
import { UnprocessableError } from '../../errors';
import { splice } from './safeYaml';

/** A replacement of `[start, end)` of the source text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A parsed user mapping. */
export type JsonMap = { [key: string]: unknown };

export const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const isObject = (v: unknown): v is JsonMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function applyEdits(content: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = content;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error('overlapping values edits');
    out = splice(out, e.start, e.end, e.text);
    limit = e.start;
  }
  return out;
}

export function block(value: JsonMap, indent: number, eol: string): string {
  const text = stringify(value, { indent: 2, lineWidth: 0 });
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map(l => ' '.repeat(indent) + l)
    .join(eol)
    .concat(eol);
}

export function backOverSpaces(content: string, offset: number): number {
  let i = offset;
  while (i > 0 && (content[i - 1] === ' ' || content[i - 1] === '\t')) i--;
  return i;
}

export function columnOf(content: string, offset: number): number {
  return offset - (content.lastIndexOf('\n', offset - 1) + 1);
}

export function renderScalar(
  node: Scalar,
  value: unknown,
  content: string,
): string {
  if (typeof value === 'string' && node.type !== 'PLAIN') {
    if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
    if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  }
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  if (text.includes('\n')) {
    throw new UnprocessableError(
      `multi-line value at offset ${columnOf(
        content,
        node.range?.[0] ?? 0,
      )} is not supported`,
    );
  }
  return text;
}
