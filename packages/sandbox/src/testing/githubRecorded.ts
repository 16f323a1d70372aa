import fs from 'fs';
import path from 'path';
import { GITHUB_FIXTURES } from './githubOpenApi';

export interface RecordedCall {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers?: string[] | Record<string, string>;
  rawHeaders?: string[];
}

/** The recorded calls of an @octokit/fixtures scenario (real api.github.com traffic). */
export function recorded(file: string): RecordedCall[] {
  const data: unknown = JSON.parse(
    fs.readFileSync(path.join(GITHUB_FIXTURES, file), 'utf8'),
  );
  return (Array.isArray(data) ? data : [data]) as RecordedCall[];
}

/** Header names of a recorded call, lower-cased. */
export function headerNames(call: RecordedCall): string[] {
  const raw = call.rawHeaders ?? call.headers ?? [];
  const names = Array.isArray(raw)
    ? raw.filter((_, i) => i % 2 === 0)
    : Object.keys(raw);
  return names.map(n => n.toLowerCase());
}

function kind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  return v === null ? 'null' : typeof v;
}

/**
 * Fields of `real` missing in `ours` or of another JSON type (null matches anything; arrays are
 * compared by their first element). Keys in `ignore` are skipped at any depth.
 */
export function shapeDiff(
  real: unknown,
  ours: unknown,
  ignore: Set<string>,
  at = '$',
): string[] {
  const rk = kind(real);
  const ok = kind(ours);
  if (rk === 'null' || ok === 'null') return [];
  if (rk !== ok) return [`${at}: ${rk} vs ${ok}`];
  if (rk === 'array') {
    const [r] = real as unknown[];
    const [o] = ours as unknown[];
    return r !== undefined && o !== undefined
      ? shapeDiff(r, o, ignore, `${at}[0]`)
      : [];
  }
  if (rk !== 'object') return [];
  const oursObj = ours as Record<string, unknown>;
  return Object.entries(real as Record<string, unknown>).flatMap(([k, v]) => {
    if (ignore.has(k)) return [];
    if (!(k in oursObj)) return [`${at}.${k}: missing`];
    return shapeDiff(v, oursObj[k], ignore, `${at}.${k}`);
  });
}
