import crypto from 'node:crypto';
import { readJsonFixture } from '../testing/fixtures';
import { shapeDiff } from '../testing/shape';
import { auth, getJson, startTestSandbox } from '../testing/sandbox';
import { generateWorld } from '../world';
import type { Sandbox } from '../sandbox';

interface Page {
  items: Array<{
    name: string;
    version: string;
    assets: Array<{ downloadUrl: string }>;
  }>;
  continuationToken: string | null;
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox({
    world: generateWorld({
      services: 2,
      buildsPerService: 7,
      chartVersions: 120,
      environments: [],
    }),
  });
});
afterAll(() => sb.stop());

describe('Nexus', () => {
  it('answers search pages shaped like real Nexus 3 pages', async () => {
    const page = await getJson<Page>(
      `${sb.urls.nexus}/service/rest/v1/search?repository=docker-hosted&format=docker&name=bench/service-001&version=v1.0.1`,
      auth.nexus,
    );
    expect(page.items).toHaveLength(1);
    expect(
      shapeDiff(
        readJsonFixture('nexus/search_docker_nexus-3.75.1_my_repo.json'),
        page,
        { ignore: ['blobCreated', 'blobStoreName'] },
      ),
    ).toEqual([]);
    expect(
      shapeDiff(
        readJsonFixture(
          'nexus/service_rest_v1_search_docker_imageName_janus-idp_backstage-showcase_index.json',
        ),
        page,
        { ignore: ['group', 'lastDownloaded'] },
      ),
    ).toEqual([]);
    const empty = await getJson(
      `${sb.urls.nexus}/service/rest/v1/search?docker.imageName=nope`,
      auth.nexus,
    );
    expect(empty).toEqual(
      readJsonFixture('nexus/service_rest_v1_search_404.json'),
    );
  });

  it('pages by 50 with continuationToken and sorts by version', async () => {
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const q: string = `${
        sb.urls.nexus
      }/service/rest/v1/components?repository=docker-hosted${
        token ? `&continuationToken=${token}` : ''
      }`;
      const page: Page = await getJson<Page>(q, auth.nexus);
      expect(page.items.length).toBeLessThanOrEqual(50);
      seen.push(...page.items.map(i => `${i.name}:${i.version}`));
      token = page.continuationToken;
      pages++;
    } while (token);
    expect(seen).toHaveLength(240);
    expect(new Set(seen).size).toBe(240);
    expect(pages).toBe(5);
    const first = await getJson<Page>(
      `${sb.urls.nexus}/service/rest/v1/search?docker.imageName=bench/service-002&sort=version`,
      auth.nexus,
    );
    expect(first.items[0].version).toBe('v1.0.6');
    const bad = await fetch(
      `${sb.urls.nexus}/service/rest/v1/search?continuationToken=deadbeef`,
      { headers: auth.nexus },
    );
    expect(bad.status).toBe(406);
    const noRepo = await fetch(`${sb.urls.nexus}/service/rest/v1/components`, {
      headers: auth.nexus,
    });
    expect(noRepo.status).toBe(422);
  });

  it('serves the Docker Registry v2 tags/list and manifests', async () => {
    const tags = await getJson<{ name: string; tags: string[] }>(
      `${sb.urls.nexus}/repository/docker-hosted/v2/bench/service-001/tags/list`,
      auth.nexus,
    );
    expect(tags.name).toBe('bench/service-001');
    expect(tags.tags).toContain('v1.0.6');
    const res = await fetch(
      `${sb.urls.nexus}/repository/docker-hosted/v2/bench/service-001/manifests/v1.0.6`,
      { headers: auth.nexus },
    );
    expect(res.headers.get('docker-content-digest')).toMatch(
      /^sha256:[0-9a-f]{64}$/,
    );
    const real = readJsonFixture(
      'nexus/repository_docker_v2_janus-idp_backstage-showcase_manifests_sha-33dfe6b-schema2.json',
    );
    expect(shapeDiff(real, await res.json())).toEqual([]);
    const missing = await fetch(
      `${sb.urls.nexus}/repository/docker-hosted/v2/bench/nope/tags/list`,
      { headers: auth.nexus },
    );
    expect(missing.status).toBe(404);
  });

  it('serves the image config blob the manifest references, with matching digests', async () => {
    const base = `${sb.urls.nexus}/repository/docker-hosted/v2/bench/service-001`;
    const res = await fetch(`${base}/manifests/v1.0.6`, {
      headers: auth.nexus,
    });
    const text = await res.text();
    const digest = `sha256:${crypto
      .createHash('sha256')
      .update(text)
      .digest('hex')}`;
    expect(res.headers.get('docker-content-digest')).toBe(digest);
    const page = await getJson<{
      items: Array<{ assets: Array<{ checksum: { sha256: string } }> }>;
    }>(
      `${sb.urls.nexus}/service/rest/v1/search?docker.imageName=bench/service-001&docker.imageTag=v1.0.6`,
      auth.nexus,
    );
    expect(`sha256:${page.items[0].assets[0].checksum.sha256}`).toBe(digest);
    const { config } = JSON.parse(text) as {
      config: { digest: string; size: number; mediaType: string };
    };
    const blob = await fetch(`${base}/blobs/${config.digest}`, {
      headers: auth.nexus,
    });
    expect(blob.status).toBe(200);
    expect(blob.headers.get('content-type')).toMatch(
      /^application\/vnd\.docker\.container\.image\.v1\+json/,
    );
    expect(blob.headers.get('docker-content-digest')).toBe(config.digest);
    const bytes = Buffer.from(await blob.arrayBuffer());
    expect(bytes.length).toBe(config.size);
    expect(
      `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`,
    ).toBe(config.digest);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: null },
      rootfs: {
        type: 'layers',
        diff_ids: [expect.any(String), expect.any(String)],
      },
    });
    const head = await fetch(`${base}/blobs/${config.digest}`, {
      method: 'HEAD',
      headers: auth.nexus,
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(config.size));
    const unknown = await fetch(`${base}/blobs/sha256:${'0'.repeat(64)}`, {
      headers: auth.nexus,
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      errors: [
        {
          code: 'BLOB_UNKNOWN',
          message: 'blob unknown to registry',
          detail: { Digest: `sha256:${'0'.repeat(64)}` },
        },
      ],
    });
  });

  it('requires basic auth', async () => {
    const res = await fetch(`${sb.urls.nexus}/service/rest/v1/search`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('BASIC');
  });
});
