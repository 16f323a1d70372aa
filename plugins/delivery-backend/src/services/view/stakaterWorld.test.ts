import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  component,
  sandboxViewService,
  stakaterHostAliases,
  startTestSandbox,
  TestSandbox,
} from '../../__testUtils__/sandbox';
import { openApiValidator } from '../../__testUtils__/openapi';

jest.setTimeout(60_000);

/**
 * The view on the sandbox's stakater world (packages/sandbox/worlds/stakater.yaml):
 * runs named #N, versions only in a `Bump Version to X` commit tagged X, SSH
 * remotes on another hostname, OCI-labelled images, `latest` tags, one chart
 * pinned under two aliases. Zero version configuration: the default order.
 */
describe('DefaultDeliveryViewService on the stakater sandbox world', () => {
  let sandbox: TestSandbox;
  const validate = openApiValidator();
  const annotations = (repo: string, branch: string, chart = repo) => ({
    'delivery/code-job': `code:stakater/${repo}/${branch}`,
    'delivery/image': `stakater/${repo}`,
    'delivery/chart': chart,
  });
  const env = (v: DeliveryView, name: string) =>
    v.environments.find(e => e.name === name)!;
  const chain = (v: DeliveryView) =>
    v.versions.map(x => [
      x.version,
      x.build?.number ?? null,
      x.links.build?.via ?? null,
      x.links.commit?.via ?? null,
      Boolean(x.commit && x.image && x.chart),
    ]);

  beforeAll(async () => {
    sandbox = await startTestSandbox('stakater');
  });
  afterAll(() => sandbox.stop());

  const view = (name: string, ann: Record<string, string>) =>
    sandboxViewService(sandbox.urls, {
      delivery: stakaterHostAliases(sandbox.urls),
    }).getView(component(name, ann));

  it('joins every version of inventory (git tag on the bump commit; tags for versions without a build)', async () => {
    const v = await view('inventory', {
      ...annotations('inventory', 'master'),
      'backstage.io/source-location': `url:${sandbox.urls.github}/stakater/inventory/tree/master/`,
    });
    expect(validate('DeliveryView', v)).toBeNull();
    expect(
      Object.entries(v.sources).filter(([, s]) => s.status !== 'ok'),
    ).toEqual([]);
    expect(v.sources.codeRepo).toMatchObject({ status: 'ok' });
    // `latest` (Nexus and ChartMuseum) is a moving tag, not a version.
    expect(chain(v)).toEqual([
      ['0.3.4', 10, 'gitTag', 'buildData', true],
      ['0.3.3', 9, 'gitTag', 'buildData', true],
      ['0.3.2', 7, 'gitTag', 'buildData', true],
      ['0.3.1', null, null, 'gitTag', true],
      ['0.3.0', null, null, 'gitTag', true],
    ]);
    const b10 = v.builds.find(b => b.number === 10)!;
    expect(b10.versionVia?.detail).toMatch(
      /^tag 0\.3\.4 points at [0-9a-f]{7} \("Bump Version to 0\.3\.4"\), pushed on top of the built commit [0-9a-f]{7}$/,
    );
    expect(b10.commit?.sha).toBe(v.versions[0].commit?.sha);
    expect(v.builds.find(b => b.number === 8)).toMatchObject({
      result: 'FAILURE',
      version: undefined,
    });
    expect(
      v.environments.map(e => [
        e.name,
        e.pinnedVersion,
        e.runningVersion,
        e.status,
      ]),
    ).toEqual([
      ['dev', '0.3.4', '0.3.4', 'in-sync'],
      ['staging', '0.3.4', '0.3.3', 'pending-deploy'],
      ['prod', '0.3.1', '0.3.1', 'in-sync'],
    ]);
    expect(env(v, 'staging').statusReason).toMatch(
      /^0\.3\.4 was pinned after the last deploy \(#2 deployed 0\.3\.3 from [0-9a-f]{7}\)\.$/,
    );
    expect(env(v, 'staging').lastDeploy?.configCommitVia?.detail).toContain(
      'from git@git.sandbox.internal:gitops/config-staging.git',
    );
  });

  it('finds storefront`s code repo from the BuildData remote (no source location)', async () => {
    const v = await view('storefront', annotations('storefront', 'main'));
    expect(chain(v)).toEqual([
      ['1.4.3', 35, 'gitTag', 'buildData', true],
      ['1.4.2', 34, 'gitTag', 'buildData', true],
      ['1.4.1', 32, 'gitTag', 'buildData', true],
      ['1.4.0', 31, 'gitTag', 'buildData', true],
      ['1.3.9', null, null, 'gitTag', true],
    ]);
    expect(
      v.environments.map(e => [
        e.name,
        e.pinnedVersion,
        e.runningVersion,
        e.status,
      ]),
    ).toEqual([
      ['dev', '1.4.3', '1.4.2', 'deploy-failed'],
      ['staging', '1.4.1', '1.4.1', 'in-sync'],
      ['prod', '1.4.0', '1.4.1', 'drifted'],
    ]);
    expect(env(v, 'staging').openPromotions.map(p => p.version)).toEqual([
      '1.4.2',
    ]);
    expect(env(v, 'prod').statusFacts.map(f => f.source)).toEqual([
      'configRepo',
      'deployJenkins',
      'cluster',
    ]);
  });

  it('tells the two aliases of one chart apart', async () => {
    const [pub, internal] = await Promise.all(
      ['edge-public', 'edge-internal'].map(release =>
        view(release, {
          ...annotations('edge', 'master'),
          'delivery/release': release,
        }),
      ),
    );
    expect(env(pub, 'prod')).toMatchObject({
      pinnedVersion: '2.1.1',
      status: 'in-sync',
    });
    expect(env(internal, 'prod')).toMatchObject({
      pinnedVersion: '2.1.0',
      status: 'in-sync',
    });
    expect(chain(internal).map(c => c.slice(0, 3))).toEqual([
      ['2.2.0', 14, 'gitTag'],
      ['2.1.1', 13, 'gitTag'],
      ['2.1.0', 12, 'gitTag'],
      ['2.0.9', null, null],
    ]);
  });

  it('without the host alias: no status is decided from the missing link, and the key to set is named', async () => {
    const v = await sandboxViewService(sandbox.urls).getView(
      component('inventory', annotations('inventory', 'master')),
    );
    // The code repo's host is unknown (no tags), but the images' OCI labels
    // still name the commit each release was built from.
    expect(v.sources.codeRepo).toBeUndefined();
    expect(
      v.builds.map(b => [
        b.number,
        b.version ?? null,
        b.versionVia?.via ?? null,
      ]),
    ).toEqual([
      [10, '0.3.4', 'imageLabel'],
      [9, '0.3.3', 'imageLabel'],
      [8, null, null],
      [7, '0.3.2', 'imageLabel'],
    ]);
    const staging = env(v, 'staging');
    // The head pins 0.3.4, committed after run #2 started: pending, from the commit time.
    expect(staging.status).toBe('pending-deploy');
    expect(staging.statusReason).toMatch(
      /^0\.3\.4 was committed at .*, after the last deploy run #2 started/,
    );
    // dev and prod run their pin: the cluster alone says in sync.
    expect(env(v, 'dev').status).toBe('in-sync');
    expect(env(v, 'prod').status).toBe('in-sync');
    expect(env(v, 'prod').statusReason).toContain(
      'which config commit run #2 deployed is not known',
    );
    expect(staging.lastDeploy?.configCommitVia).toEqual({
      via: 'missing',
      detail: expect.stringContaining(
        'git.sandbox.internal is not configured as another name of',
      ),
    });
  });

  it('without the host alias, a drifted or failed environment is unknown, naming delivery.hostAliases', async () => {
    const v = await sandboxViewService(sandbox.urls).getView(
      component('storefront', annotations('storefront', 'main')),
    );
    for (const name of ['dev', 'prod']) {
      const e = env(v, name);
      expect(e.status).toBe('unknown');
      expect(e.missingLink).toEqual({
        link: 'deploy run -> config commit',
        reason: expect.stringContaining(
          'git@git.sandbox.internal:gitops/config-',
        ),
        key: 'delivery.hostAliases',
        example: `[{ host: '${
          new URL(sandbox.urls.github).host
        }', aliases: ['git.sandbox.internal'] }]`,
      });
    }
  });

  it.each([
    ['commitMessage', 'commitMessage'],
    ['file:.version', 'file:.version'],
    ['imageLabel', 'imageLabel'],
  ])(
    'finds the same versions with only %s (over HTTP)',
    async (strategy, via) => {
      const v = await view('inventory', {
        ...annotations('inventory', 'master'),
        'delivery/version-from': strategy,
      });
      expect(
        v.builds.map(b => [
          b.number,
          b.version ?? null,
          b.versionVia?.via ?? null,
        ]),
      ).toEqual([
        [10, '0.3.4', via],
        [9, '0.3.3', via],
        [8, null, null],
        [7, '0.3.2', via],
      ]);
    },
  );
});
