import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { deliveryPlugin } from '../../plugin';
import { openApiValidator } from '../../__testUtils__/openapi';
import { startServer } from '../../__testUtils__/server';
import {
  sandboxAppConfig,
  startTestSandbox,
  TestSandbox,
} from '../../__testUtils__/sandbox';
import { sandboxControl } from '../../__testUtils__/sandboxControl';

jest.setTimeout(90_000);

const GUEST = 'user:default/guest';
const OUTSIDER = 'user:default/outsider';
const annotations = {
  'delivery/code-job': 'code:stakater/xposer/master',
  'delivery/image': 'stakater/xposer',
  'delivery/chart': 'xposer',
};
const componentYaml = (name: string, owner: string) =>
  `${JSON.stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', owner, lifecycle: 'production' },
  })}\n`;

async function until<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

interface Counts {
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
}

describe('release claims against a real catalog', () => {
  let sandbox: TestSandbox;
  let dir: string;
  let yamlServer: Awaited<ReturnType<typeof startServer>>;
  const validate = openApiValidator();

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-claims-'));
    fs.writeFileSync(
      path.join(dir, 'xposer.yaml'),
      componentYaml('xposer', 'group:default/team-xposer'),
    );
    // what the ordinary user registers: a URL the catalog reads (backend.reading.allow)
    yamlServer = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(componentYaml('xposer-copy', OUTSIDER));
    });
  });
  afterAll(async () => {
    await sandbox?.stop();
    await yamlServer?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const requests = async () =>
    (await sandboxControl(sandbox, 'GET', '/requests')) as Counts;
  const writes = (c: Counts) =>
    Object.entries(c.upstreams).flatMap(([u, s]) =>
      Object.entries(s.routes)
        .filter(([r]) => !/^(GET|HEAD)\b/.test(r))
        .map(([r, n]) => `${u} ${r} x${n}`),
    );

  it('a look-alike registered through the catalog API by an ordinary user is refused: 409, zero upstream writes; both views name the other', async () => {
    const { server } = await startTestBackend({
      features: [
        deliveryPlugin,
        catalogPlugin,
        mockServices.rootConfig.factory({
          data: {
            ...sandboxAppConfig(sandbox.urls),
            backend: {
              reading: { allow: [{ host: new URL(yamlServer.url).host }] },
            },
            catalog: {
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                { type: 'file', target: path.join(dir, 'xposer.yaml') },
              ],
            },
          },
        }),
      ],
    });
    const guest = mockCredentials.user.header(GUEST);
    const outsider = mockCredentials.user.header(OUTSIDER);
    const entityUrl = (name: string) =>
      `/api/catalog/entities/by-name/component/default/${name}`;
    await until('xposer in the catalog', async () =>
      (
        await request(server)
          .get(entityUrl('xposer'))
          .set('Authorization', guest)
      ).status === 200
        ? true
        : undefined,
    );

    // the owner's view, before any look-alike: nothing contested (and xposer's claims are recorded)
    const xposerPath = '/api/delivery/entities/default/component/xposer';
    const before = await request(server)
      .get(xposerPath)
      .set('Authorization', guest);
    expect(before.status).toBe(200);
    expect(before.body.claims).toBeUndefined();

    // an ordinary user registers a look-alike they own, through the catalog API
    const registered = await request(server)
      .post('/api/catalog/locations')
      .set('Authorization', outsider)
      .send({ type: 'url', target: `${yamlServer.url}/catalog-info.yaml` });
    expect(registered.status).toBe(201);
    await until('the look-alike in the catalog', async () =>
      (
        await request(server)
          .get(entityUrl('xposer-copy'))
          .set('Authorization', outsider)
      ).status === 200
        ? true
        : undefined,
    );

    await sandboxControl(sandbox, 'POST', '/reset');
    const copyPath = '/api/delivery/entities/default/component/xposer-copy';
    const promote = await request(server)
      .post(`${copyPath}/promotions`)
      .set('Authorization', outsider)
      .send({ environment: 'prod', version: 'v0.0.20' });
    expect(promote.status).toBe(409);
    expect(promote.body.error.name).toBe('ConflictError');
    expect(promote.body.error.message).toContain(
      'belongs to component:default/xposer',
    );
    const preview = await request(server)
      .post(`${copyPath}/promotions/preview`)
      .set('Authorization', outsider)
      .send({ environment: 'prod', version: 'v0.0.20' });
    expect(preview.status).toBe(409);
    const resync = await request(server)
      .post(`${copyPath}/resync`)
      .set('Authorization', outsider)
      .send({ environment: 'prod' });
    expect(resync.status).toBe(409);
    const counts = await requests();
    expect(writes(counts)).toEqual([]);
    expect(counts.upstreams.github?.total ?? 0).toBe(0);
    expect(counts.upstreams['jenkins-deploy']?.total ?? 0).toBe(0);

    // the look-alike's view says whose it is, and reads nothing of it
    const copyView = await request(server)
      .get(copyPath)
      .set('Authorization', outsider);
    expect(copyView.status).toBe(200);
    expect(validate('DeliveryView', copyView.body)).toBeNull();
    expect(copyView.body.claims.contested).toBe(true);
    expect(copyView.body.claims.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'release',
          name: 'xposer',
          holder: 'component:default/xposer',
          refused: true,
        }),
        expect.objectContaining({
          kind: 'image',
          holder: 'component:default/xposer',
          refused: true,
        }),
        expect.objectContaining({
          kind: 'code-job',
          holder: 'component:default/xposer',
          refused: true,
        }),
      ]),
    );
    expect(copyView.body.environments[0].access.promote).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('component:default/xposer'),
    });
    const afterReads = await requests();
    expect(afterReads.upstreams['jenkins-code']?.total ?? 0).toBe(0);
    expect(afterReads.upstreams.nexus?.total ?? 0).toBe(0);
    expect(afterReads.upstreams.chartmuseum?.total ?? 0).toBe(0);

    // the owner's view names the look-alike once the claim scan refreshes
    const owners = await until(
      'the owner view to name the look-alike',
      async () => {
        const v = await request(server)
          .get(xposerPath)
          .set('Authorization', guest);
        return v.body.claims?.conflicts?.length ? v.body : undefined;
      },
      20_000,
    );
    expect(owners.claims.conflicts[0]).toMatchObject({
      holder: 'component:default/xposer',
      others: ['component:default/xposer-copy'],
    });
    expect(owners.claims.conflicts[0].message).toContain(
      'component:default/xposer-copy',
    );
  });
});
