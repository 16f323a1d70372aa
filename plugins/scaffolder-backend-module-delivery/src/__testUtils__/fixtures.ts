import { resolve } from 'path';
import { repoRoot } from '@gitops-delivery/sandbox/testUtils';

export { repoRoot };

/** `../shared/fixtures/upstreams` next to the repo root. */
export function fixturesDir(): string {
  return resolve(repoRoot(), '../shared/fixtures/upstreams');
}
