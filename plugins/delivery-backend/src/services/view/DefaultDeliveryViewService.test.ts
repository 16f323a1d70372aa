import type { DeliveryView } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  component,
  memoryCache,
  sandboxViewService,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';
import { openApiValidator } from '../../__testUtils__/openapi';
import { GitHubReader } from '../../upstreams/github/GitHubReader';

jest.setTimeout(60_000);

const envRow = (view: DeliveryView, name: string) =>
  view.environments.find(e => e.name === name)!;

describe('DefaultDeliveryViewService on the default sandbox world', () => {
  let sandbox: TestSandbox;
  const validate = openApiValidator();

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it('builds the xposer view exactly: lineage, pins, deploys, live state, statuses', async () => {
    const gh = sandbox.urls.github;
    const view = await sandboxViewService(sandbox.urls).getView(
      component('xposer', xposerAnnotations),
    );
    expect(validate('DeliveryView', view)).toBeNull();
    expect(Object.values(view.sources).every(s => s.status === 'ok')).toBe(
      true,
    );
    expect(Object.keys(view.sources).sort()).toEqual(
      [
        'codeJenkins',
        'nexus',
        'chartMuseum',
        ...['dev', 'staging', 'prod'].flatMap(e =>
          ['configRepo', 'deployJenkins', 'cluster', 'promotions'].map(
            s => `${s}:${e}`,
          ),
        ),
      ].sort(),
    );

    // Versions: semver order, v-prefixed and plain (0.0.8, 0.0.7 published before the kept builds).
    expect(view.versions.map(v => v.version)).toEqual([
      'v0.0.21',
      'v0.0.20',
      'v0.0.19',
      'v0.0.18',
      'v0.0.17',
      'v0.0.16',
      'v0.0.15',
      'v0.0.14',
      'v0.0.13',
      'v0.0.12',
      'v0.0.11',
      'v0.0.10',
      'v0.0.9',
      '0.0.8',
      '0.0.7',
    ]);
    const v20 = view.versions.find(v => v.version === 'v0.0.20')!;
    expect(v20).toMatchObject({
      normalized: '0.0.20',
      commit: {
        message: 'Fix go modules build',
        author: 'Waseem Hassan',
        url: expect.stringMatching(
          new RegExp(`^${gh}/stakater/xposer/commit/[0-9a-f]{40}$`),
        ),
      },
      build: { number: 15, result: 'SUCCESS' },
      image: {
        repository: 'docker-hosted',
        name: 'stakater/xposer',
        tag: 'v0.0.20',
        digest: expect.stringMatching(/^sha256:/),
      },
      chart: { name: 'xposer', version: 'v0.0.20' },
      environments: [
        { environment: 'dev', pinned: false, running: false },
        {
          environment: 'staging',
          pinned: true,
          running: true,
          deployedBy: { number: 2, result: 'SUCCESS' },
        },
        { environment: 'prod', pinned: false, running: false },
      ],
    });
    // The build's commit is the code repo's, not the shared pipeline library's.
    expect(v20.commit!.sha).not.toBe(
      '5d7f3b0c2ab19e8e0b4fd7c1e6a5a9e3f1c2d4b6',
    );
    const v19 = view.versions.find(v => v.version === 'v0.0.19')!;
    expect(v19.environments[2]).toMatchObject({
      environment: 'prod',
      pinned: true,
      running: true,
      // #2 of the same commit failed; the successful re-run #3 rolled it out.
      deployedBy: { number: 3, result: 'SUCCESS' },
    });
    const old = view.versions.find(v => v.version === '0.0.8')!;
    expect(old.chart?.version).toBe('0.0.8');
    expect(old.build).toBeUndefined();

    // Builds: failed builds have no version; all 16 master builds, newest first.
    expect(view.builds.map(b => b.number)).toEqual([
      16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
    ]);
    expect(view.builds.find(b => b.number === 14)).toMatchObject({
      result: 'FAILURE',
      version: undefined,
    });

    // Environments.
    expect(envRow(view, 'dev')).toMatchObject({
      pinnedVersion: 'v0.0.21',
      pinFileUrl: expect.stringMatching(
        new RegExp(
          `^${gh}/gitops/config-dev/blob/main/requirements.yaml#L\\d+$`,
        ),
      ),
      valuesFileUrl: `${gh}/gitops/config-dev/blob/main/xposer.yaml`,
      lastDeploy: { number: 3, result: 'FAILURE', version: 'v0.0.21' },
      runningVersion: 'v0.0.21',
      live: {
        namespace: 'dev',
        deployment: 'xposer',
        labeledVersion: 'v0.0.21',
      },
      status: 'in-sync',
      openPromotions: [],
    });
    expect(envRow(view, 'staging')).toMatchObject({
      promotesFrom: 'dev',
      pinnedVersion: 'v0.0.20',
      lastDeploy: { number: 2, result: 'SUCCESS', version: 'v0.0.20' },
      runningVersion: 'v0.0.20',
      status: 'in-sync',
    });
    expect(envRow(view, 'prod')).toMatchObject({
      pinnedVersion: '0.0.19',
      pinFileUrl: expect.stringMatching(
        /\/gitops\/config-prod\/blob\/main\/Chart.yaml#L\d+$/,
      ),
      lastDeploy: { number: 3, result: 'SUCCESS', version: '0.0.19' },
      runningVersion: 'v0.0.19',
      status: 'in-sync',
    });
    // Deploy runs of all environments, each joined to its config commit.
    expect(view.deploys).toHaveLength(8);
    for (const d of view.deploys) {
      expect(d.configCommit?.url).toMatch(
        new RegExp(
          `^${gh}/gitops/config-${d.environment}/commit/[0-9a-f]{40}$`,
        ),
      );
    }
  });

  it('links the pin to the exact line of the requirements file', async () => {
    const view = await sandboxViewService(sandbox.urls).getView(
      component('xposer', xposerAnnotations),
    );
    for (const env of view.environments) {
      const [, path, line] = /blob\/main\/(.+)#L(\d+)$/.exec(env.pinFileUrl!)!;
      const reader = GitHubReader.create({
        apiBaseUrl: `${sandbox.urls.github}/api/v3`,
        token: 'sandbox-github-token',
        timeoutMs: 3000,
      });
      const file = await reader.getFile(
        'gitops',
        `config-${env.name}`,
        path,
        'main',
      );
      expect(file.content.split('\n')[Number(line) - 1]).toMatch(
        new RegExp(`version: *["']?${env.pinnedVersion}`),
      );
    }
  });

  it('shows deploy-failed, drifted, pending-deploy and open promotions for the other services', async () => {
    const service = sandboxViewService(sandbox.urls);
    const review = await service.getView(
      component('nordmart-review', {
        'delivery/code-job': 'stakater/nordmart-review/main',
        'delivery/image': 'stakater/nordmart-review',
        'delivery/chart': 'nordmart-review',
      }),
    );
    expect(envRow(review, 'dev')).toMatchObject({
      pinnedVersion: '1.0.52',
      runningVersion: '1.0.51',
      status: 'deploy-failed',
    });
    expect(envRow(review, 'staging')).toMatchObject({
      status: 'in-sync',
      openPromotions: [
        {
          state: 'open',
          version: '1.0.51',
          branch: 'delivery/staging/nordmart-review-1.0.51',
        },
      ],
    });
    expect(envRow(review, 'prod')).toMatchObject({
      pinnedVersion: '1.0.48',
      runningVersion: '1.0.49',
      live: { labeledVersion: '1.0.48' },
      status: 'drifted',
    });

    const gateway = await service.getView(
      component('gateway', {
        'delivery/code-job': 'platform/gateway',
        'delivery/image': 'stakater/gateway',
        'delivery/chart': 'gateway',
      }),
    );
    expect(gateway.sources.codeJenkins).toEqual({ status: 'ok' });
    expect(gateway.builds.map(b => b.version)).toEqual([
      'v2.4.0',
      'v2.3.1',
      undefined,
      'v2.3.0',
      'v2.2.0',
    ]);
    expect(gateway.builds[0].commit?.message).toBe('Add request id header');
    expect(envRow(gateway, 'staging')).toMatchObject({
      pinnedVersion: 'v2.3.1',
      status: 'pending-deploy',
    });
    expect(envRow(gateway, 'staging').statusReason).toMatch(
      /after the last deploy/,
    );
  });

  const SERVICES: Record<string, Record<string, string>> = {
    xposer: xposerAnnotations,
    'nordmart-review': {
      'delivery/code-job': 'stakater/nordmart-review/main',
      'delivery/image': 'stakater/nordmart-review',
      'delivery/chart': 'nordmart-review',
    },
    gateway: {
      'delivery/code-job': 'platform/gateway',
      'delivery/image': 'stakater/gateway',
      'delivery/chart': 'gateway',
    },
  };
  // The sandbox README's table of the default world.
  it.each([
    ['xposer', 'dev', 'v0.0.21', 3, 'FAILURE', 'v0.0.21', 'in-sync'],
    ['xposer', 'staging', 'v0.0.20', 2, 'SUCCESS', 'v0.0.20', 'in-sync'],
    ['xposer', 'prod', '0.0.19', 3, 'SUCCESS', 'v0.0.19', 'in-sync'],
    [
      'nordmart-review',
      'dev',
      '1.0.52',
      3,
      'FAILURE',
      '1.0.51',
      'deploy-failed',
    ],
    ['nordmart-review', 'staging', '1.0.50', 2, 'SUCCESS', '1.0.50', 'in-sync'],
    ['nordmart-review', 'prod', '1.0.48', 3, 'SUCCESS', '1.0.49', 'drifted'],
    ['gateway', 'dev', 'v2.4.0', 3, 'FAILURE', 'v2.4.0', 'in-sync'],
    ['gateway', 'staging', 'v2.3.1', 2, 'SUCCESS', 'v2.3.0', 'pending-deploy'],
    ['gateway', 'prod', 'v2.2.0', 3, 'SUCCESS', 'v2.2.0', 'in-sync'],
  ])(
    '%s in %s: pinned %s, last deploy #%s %s, running %s -> %s',
    async (name, env, pinned, run, result, running, status) => {
      const view = await sandboxViewService(sandbox.urls).getView(
        component(name, SERVICES[name]),
      );
      expect(Object.values(view.sources).every(s => s.status === 'ok')).toBe(
        true,
      );
      expect(envRow(view, env)).toMatchObject({
        pinnedVersion: pinned,
        lastDeploy: { number: run, result },
        runningVersion: running,
        status,
      });
    },
  );

  it('reads a multibranch job with an encoded branch name', async () => {
    const view = await sandboxViewService(sandbox.urls).getView(
      component('xposer-feature', {
        ...xposerAnnotations,
        'delivery/code-job': 'code:stakater/xposer/feature%2Fx',
      }),
    );
    expect(view.sources.codeJenkins).toEqual({ status: 'ok' });
    expect(view.builds).toHaveLength(1);
    expect(view.builds[0]).toMatchObject({
      number: 1,
      result: 'SUCCESS',
      commit: { message: 'Per-namespace TLS secrets (WIP)' },
    });
    expect(view.builds[0].version).toBeUndefined();
  });

  it('narrows environments and reports annotation problems as sources', async () => {
    const view = await sandboxViewService(sandbox.urls).getView(
      component('x', {
        'delivery/code-job': 'deploy:deploy/config-dev',
        'delivery/image': 'http://169.254.169.254/latest',
        'delivery/chart': 'xposer',
        'delivery/environments': 'dev,qa',
      }),
    );
    expect(view.environments.map(e => e.name)).toEqual(['dev']);
    expect(view.sources.codeJenkins).toMatchObject({
      status: 'error',
      error: {
        kind: 'not-configured',
        message: expect.stringMatching(
          /no codeJenkins instance named "deploy"/,
        ),
      },
    });
    expect(view.sources.nexus).toMatchObject({
      status: 'error',
      error: { kind: 'not-configured', message: expect.stringMatching(/URL/) },
    });
    expect(view.sources['configRepo:qa']).toMatchObject({
      status: 'error',
      error: { kind: 'not-configured' },
    });
    expect(view.sources.chartMuseum).toEqual({ status: 'ok' });
    expect(envRow(view, 'dev').status).toBe('in-sync');
  });

  it('caches per upstream resource: a second entity on the same config repos costs no config reads', async () => {
    const cache = memoryCache();
    const service = sandboxViewService(sandbox.urls, { cache });
    await service.getView(component('xposer', xposerAnnotations));
    const before = sandbox.counter.count('github');
    const deployBefore = sandbox.counter.count('jenkins-deploy');
    await service.getView(
      component('gateway', {
        'delivery/code-job': 'platform/gateway',
        'delivery/chart': 'gateway',
      }),
    );
    expect(sandbox.counter.count('github')).toBe(before);
    expect(sandbox.counter.count('jenkins-deploy')).toBe(deployBefore);
  });

  it('works uncached when the cache service throws', async () => {
    const broken = memoryCache();
    broken.get = async () => {
      throw new Error('redis down');
    };
    broken.set = async () => {
      throw new Error('redis down');
    };
    const view = await sandboxViewService(sandbox.urls, {
      cache: broken,
    }).getView(component('xposer', xposerAnnotations));
    expect(Object.values(view.sources).every(s => s.status === 'ok')).toBe(
      true,
    );
    expect(envRow(view, 'staging').status).toBe('in-sync');
  });
});

describe('concurrent views', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it('share in-flight upstream reads', async () => {
    const service = sandboxViewService(sandbox.urls);
    await service.getView(component('xposer', xposerAnnotations)); // warm up
    const before = sandbox.counter.count('jenkins-deploy');
    await Promise.all(
      [1, 2, 3].map(() =>
        service.getView(component('xposer', xposerAnnotations)),
      ),
    );
    expect(sandbox.counter.count('jenkins-deploy') - before).toBe(3); // one per environment
  });
});
