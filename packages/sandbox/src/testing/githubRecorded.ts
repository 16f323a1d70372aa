import fs from 'fs';
import path from 'path';
import { GITHUB_FIXTURES } from './githubOpenApi';
import { shapeDiff as sharedShapeDiff } from './shape';

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

/**
 * Where `ours` differs in shape from `real` (recorded api.github.com traffic):
 * {@link sharedShapeDiff} with `null` matching anything on either side and
 * the keys in `ignore` skipped at any depth.
 */
export function shapeDiff(
  real: unknown,
  ours: unknown,
  ignore: ReadonlySet<string>,
): string[] {
  return sharedShapeDiff(real, ours, {
    ignore: [...ignore],
    nullable: 'everywhere',
  });
}
