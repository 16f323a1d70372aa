import { gunzipSync } from 'zlib';
import { startTestGitHub, TestGitHub, TEST_GITHUB_TOKEN } from '../../testing';

/** Reads a ustar archive: path -> content (directories and pax headers skipped). */
function untar(gz: Buffer): Map<string, string> {
  const tar = gunzipSync(gz);
  const out = new Map<string, string>();
  let offset = 0;
  while (offset + 512 <= tar.length && tar[offset] !== 0) {
    const at = offset;
    const field = (start: number, len: number) =>
      tar
        .subarray(at + start, at + start + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12), 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    if (type === '0')
      out.set(
        name,
        tar.subarray(offset + 512, offset + 512 + size).toString('utf8'),
      );
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('GET /repos/{o}/{r}/tarball/{ref}', () => {
  let gh: TestGitHub;
  beforeAll(async () => {
    gh = await startTestGitHub();
  });
  afterAll(() => gh.close());

  it('serves the tree at a ref as a gzip tarball under <owner>-<repo>-<sha7>/', async () => {
    const sha = gh.store.commitSha('stakater', 'xposer', 'x2')!;
    const res = await fetch(
      `${gh.apiBaseUrl}/repos/stakater/xposer/tarball/master`,
      {
        headers: { authorization: `token ${TEST_GITHUB_TOKEN}` },
      },
    );
    expect(res.status).toBe(200);
    const files = untar(Buffer.from(await res.arrayBuffer()));
    const root = `stakater-xposer-${sha.slice(0, 7)}`;
    expect([...files.keys()].sort()).toEqual([
      `${root}/Jenkinsfile`,
      `${root}/README.md`,
      `${root}/deployments/kubernetes/chart/xposer/Chart.yaml`,
    ]);
    expect(files.get(`${root}/README.md`)).toBe('# xposer\n');
  });
});
