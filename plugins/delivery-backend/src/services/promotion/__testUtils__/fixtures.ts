import fs from 'node:fs';
import path from 'node:path';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, '.yarnrc.yml'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repo root (.yarnrc.yml) not found');
    dir = up;
  }
  return dir;
}

/** Reads a file under /work/shared/fixtures/upstreams/helm. */
export function helmFixture(name: string): string {
  return fs.readFileSync(
    path.join(
      repoRoot(),
      '..',
      'shared',
      'fixtures',
      'upstreams',
      'helm',
      name,
    ),
    'utf8',
  );
}

/** Line-by-line differences (line endings kept, so CRLF changes count). */
export function changedLines(
  before: string,
  after: string,
): Array<{ line: number; before?: string; after?: string }> {
  const a = before.split('\n');
  const b = after.split('\n');
  const out: Array<{ line: number; before?: string; after?: string }> = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) out.push({ line: i + 1, before: a[i], after: b[i] });
  }
  return out;
}
