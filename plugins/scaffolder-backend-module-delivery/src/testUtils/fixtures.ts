import { existsSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** `/work/shared/fixtures/upstreams`, found from the repo root (the dir holding `.yarnrc.yml`). */
export function fixturesDir(): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, '.yarnrc.yml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repo root (.yarnrc.yml) not found');
    dir = parent;
  }
  return resolve(dir, '../shared/fixtures/upstreams');
}
