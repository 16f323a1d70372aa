import { parse } from 'yaml';
import { readFixture, readJsonFixture } from '../testing/fixtures';
import { shapeDiff } from '../testing/shape';
import { auth, getJson, startTestSandbox } from '../testing/sandbox';
import { packTgz } from './tgz';
import type { Sandbox } from '../sandbox';

let sb: Sandbox;
let base: string;
beforeAll(async () => {
  sb = await startTestSandbox();
  base = sb.urls.chartmuseum;
});
afterAll(() => sb.stop());

describe('ChartMuseum', () => {
  it('lists charts like real ChartMuseum, newest first', async () => {
    const all = await getJson<Record<string, Array<{ version: string }>>>(
      `${base}/api/charts`,
      auth.charts,
    );
    expect(Object.keys(all).sort()).toEqual([
      'gateway',
      'nordmart-review',
      'xposer',
    ]);
    const v1 = readJsonFixture(
      'chartmuseum/api_charts_frontend_rabbitmq_v1.json',
    ) as Record<string, unknown[]>;
    // Xposer's real Chart.yaml has no appVersion (see the Stakater index excerpt), so neither does ours.
    expect(
      shapeDiff(Object.values(v1)[0], all.xposer, { ignore: ['appVersion'] }),
    ).toEqual([]);
    const v2 = readJsonFixture(
      'chartmuseum/api_charts_frontend_v2.json',
    ) as Record<string, unknown[]>;
    expect(shapeDiff(Object.values(v2)[0], all['nordmart-review'])).toEqual([]);
    const xposer = await getJson<Array<{ version: string }>>(
      `${base}/api/charts/xposer`,
      auth.charts,
    );
    expect(xposer.map(c => c.version).slice(0, 3)).toEqual([
      'v0.0.21',
      'v0.0.20',
      'v0.0.19',
    ]);
    expect(xposer.map(c => c.version).slice(-3)).toEqual([
      'v0.0.9',
      '0.0.8',
      '0.0.7',
    ]);
    const one = await getJson(`${base}/api/charts/xposer/v0.0.20`, auth.charts);
    expect(
      shapeDiff(
        readJsonFixture(
          'chartmuseum/api_charts_name_version_single_object.json',
        ),
        one,
        { ignore: ['appVersion'] },
      ),
    ).toEqual([]);
  });

  it('serves a Helm repository index like the sample', async () => {
    const res = await fetch(`${base}/index.yaml`, { headers: auth.charts });
    const index = parse(await res.text()) as {
      entries: Record<string, unknown[]>;
    };
    const real = parse(
      readFixture('helm/helm-testdata-chartmuseum-index.yaml'),
    ) as { entries: Record<string, unknown[]> };
    expect(
      shapeDiff(
        { ...real, entries: undefined, serverInfo: undefined },
        { ...index, entries: undefined, serverInfo: undefined },
      ),
    ).toEqual([]);
    expect(
      shapeDiff(real.entries.nginx[0], index.entries.xposer[0], {
        ignore: ['urls'],
      }),
    ).toEqual([]);
  });

  it('HEADs, uploads (201, then 409) and reports health', async () => {
    expect(
      (
        await fetch(`${base}/api/charts/xposer/v0.0.20`, {
          method: 'HEAD',
          headers: auth.charts,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await fetch(`${base}/api/charts/xposer/9.9.9`, {
          method: 'HEAD',
          headers: auth.charts,
        })
      ).status,
    ).toBe(404);
    const tgz = packTgz({
      'demo/Chart.yaml':
        'apiVersion: v2\nname: demo\nversion: 0.1.0\ndescription: Demo\n',
    });
    const post = () =>
      fetch(`${base}/api/charts`, {
        method: 'POST',
        headers: { ...auth.charts, 'content-type': 'application/octet-stream' },
        body: tgz,
      });
    const first = await post();
    expect([first.status, await first.json()]).toEqual([
      201,
      readJsonFixture('chartmuseum/post_api_charts_201.json'),
    ]);
    const again = await post();
    expect([again.status, await again.json()]).toEqual([
      409,
      { error: 'file already exists' },
    ]);
    const json = await fetch(`${base}/api/charts`, {
      method: 'POST',
      headers: { ...auth.charts, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'demo', version: '0.2.0' }),
    });
    expect(json.status).toBe(201);
    expect(await getJson(`${base}/health`, {})).toEqual({ healthy: true });
    expect((await fetch(`${base}/api/charts`)).status).toBe(401);
  });

  it('accepts a moving `latest` version; /latest still means the newest stable semver', async () => {
    for (const version of ['latest', '0.3.0-rc.1', '0.2.1'])
      expect(
        (
          await fetch(`${base}/api/charts`, {
            method: 'POST',
            headers: { ...auth.charts, 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'moving', version }),
          })
        ).status,
      ).toBe(201);
    const list = await getJson<Array<{ version: string }>>(
      `${base}/api/charts/moving`,
      auth.charts,
    );
    expect(list.map(c => c.version)).toEqual(['0.3.0-rc.1', '0.2.1', 'latest']);
    const newest = await getJson<{ version: string }>(
      `${base}/api/charts/moving/latest`,
      auth.charts,
    );
    expect(newest.version).toBe('0.2.1');
    const index = parse(
      await (
        await fetch(`${base}/index.yaml`, { headers: auth.charts })
      ).text(),
    ) as {
      entries: Record<string, Array<{ version: string; urls: string[] }>>;
    };
    expect(index.entries.moving.map(c => c.version)).toContain('latest');
    const tgz = await fetch(`${base}/charts/moving-latest.tgz`, {
      headers: auth.charts,
    });
    expect(tgz.status).toBe(200);
  });
});
