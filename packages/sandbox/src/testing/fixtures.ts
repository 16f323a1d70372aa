import fs from 'node:fs';
import path from 'node:path';

/** Repo root: the directory holding `.yarnrc.yml`. @public */
export function repoRoot(): string {
  // eslint-disable-next-line no-restricted-syntax -- tests only, run from source
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, '.yarnrc.yml'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repo root (.yarnrc.yml) not found');
    dir = up;
  }
  return dir;
}

/** Reads `../shared/fixtures/upstreams/<rel>` relative to the repo root. @public */
export function readFixture(rel: string): string {
  return fs.readFileSync(
    path.join(repoRoot(), '..', 'shared', 'fixtures', 'upstreams', rel),
    'utf8',
  );
}

/** {@link readFixture}, parsed as JSON. @public */
export function readJsonFixture(rel: string): unknown {
  return JSON.parse(readFixture(rel));
}
