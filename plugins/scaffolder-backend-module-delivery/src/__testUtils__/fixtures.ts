import { existsSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** The monorepo root: the nearest directory above this file holding `.yarnrc.yml`. */
export function repoRoot(): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, '.yarnrc.yml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repo root (.yarnrc.yml) not found');
    dir = parent;
  }
  return dir;
}

/** `../shared/fixtures/upstreams` next to the repo root. */
export function fixturesDir(): string {
  return resolve(repoRoot(), '../shared/fixtures/upstreams');
}
