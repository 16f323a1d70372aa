import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  DeliveryView,
  EnvironmentStatus,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { randomPorts, startSandbox } from '@gitops-delivery/sandbox';
import type { JsonObject } from '@backstage/types';
import { readDeliveryConfig } from '../../config';
import {
  component,
  sandboxAppConfig,
  sandboxViewService,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';
import { sandboxControl } from '../../__testUtils__/sandboxControl';
import { recordingAuditor } from '../promotion/__testUtils__/harness';
import { UpstreamClients } from '../../upstreams/clients';
import { createResyncService } from './resyncService';
import { pickSelfHeal, runSelfHeal } from './selfHeal';
import { scheduleSelfHeal } from './scheduleSelfHeal';

jest.setTimeout(60_000);

function configWithSelfHeal(
  urls: TestSandbox['urls'] | Record<string, string>,
  selfHeal: Record<string, unknown>,
) {
  const app = sandboxAppConfig(urls as TestSandbox['urls']);
  const delivery = app.delivery as { environments: JsonObject[] };
  delivery.environments = delivery.environments.map(e => ({
    ...e,
    ...(selfHeal[e.name as string] !== undefined
      ? { selfHeal: selfHeal[e.name as string] }
      : {}),
  })) as JsonObject[];
  return readDeliveryConfig(new ConfigReader(app));
}

const fakeUrls = {
  control: 'http://127.0.0.1:1',
  'jenkins-code': 'http://127.0.0.1:2',
  'jenkins-deploy': 'http://127.0.0.1:3',
  nexus: 'http://127.0.0.1:4',
  chartmuseum: 'http://127.0.0.1:5',
  github: 'http://127.0.0.1:6',
  kubernetes: 'http://127.0.0.1:7',
};

function viewOf(
  name: string,
  statuses: Record<string, EnvironmentStatus>,
): { entity: ReturnType<typeof component>; view: DeliveryView } {
  return {
    entity: component(name, { 'delivery/chart': name }),
    view: {
      entityRef: `component:default/${name}`,
      release: name,
      generatedAt: '2026-01-01T00:00:00Z',
      versions: [],
      builds: [],
      deploys: [],
      sources: {},
      environments: Object.entries(statuses).map(([env, status]) => ({
        name: env,
        configRepoUrl: `x/${env}`,
        branch: 'main',
        status,
        statusReason: '',
        statusFacts: [],
        openPromotions: [],
      })),
    },
  };
}

describe('pickSelfHeal', () => {
  const config = configWithSelfHeal(fakeUrls, {
    dev: true,
    staging: { frequency: { minutes: 5 }, maxPerRun: 2 },
    prod: false,
  });

  it('reads the selfHeal config', () => {
    expect(config.environments.map(e => e.selfHeal)).toEqual([
      { enabled: true, frequencyMinutes: 10, maxPerRun: 5 },
      { enabled: true, frequencyMinutes: 5, maxPerRun: 2 },
      { enabled: false, frequencyMinutes: 10, maxPerRun: 5 },
    ]);
    expect(() =>
      configWithSelfHeal(fakeUrls, { dev: { frequency: { minutes: 0 } } }),
    ).toThrow(/delivery\.environments\[0\]\.selfHeal\.frequency\.minutes/);
  });

  it('re-syncs only drifted self-heal environments, once per environment, capped', () => {
    const views = [
      viewOf('a', {
        dev: 'drifted',
        staging: 'deploy-failed',
        prod: 'drifted',
      }),
      viewOf('b', { dev: 'drifted', staging: 'deploying', prod: 'in-sync' }),
      viewOf('c', { dev: 'in-sync', staging: 'drifted', prod: 'drifted' }),
      viewOf('d', {
        dev: 'pending-deploy',
        staging: 'unknown',
        prod: 'drifted',
      }),
    ];
    const picks = pickSelfHeal(views, config.environments, 5);
    expect(
      picks.map(p => [p.environment, p.entity.metadata.name, p.drifted]),
    ).toEqual([
      ['dev', 'a', ['component:default/a', 'component:default/b']],
      ['staging', 'c', ['component:default/c']],
    ]);
    expect(
      pickSelfHeal(views, config.environments, 1).map(p => p.environment),
    ).toEqual(['dev']);
    expect(
      pickSelfHeal(
        [
          viewOf('e', {
            dev: 'deploy-failed',
            staging: 'deploying',
            prod: 'drifted',
          }),
        ],
        config.environments,
        5,
      ),
    ).toEqual([]);
  });

  it('schedules one task per frequency', async () => {
    const scheduleTask = jest.fn(async () => undefined);
    const ids = await scheduleSelfHeal({ scheduleTask }, config.environments, {
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      view: { getView: jest.fn() },
      resync: { resyncAs: jest.fn() },
      logger: mockServices.logger.mock(),
    });
    expect(ids).toEqual(['delivery-self-heal-10m', 'delivery-self-heal-5m']);
    expect(scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'delivery-self-heal-5m',
        frequency: { minutes: 5 },
        scope: 'global',
      }),
    );
  });
});

describe('runSelfHeal on the sandbox', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({
      ports: randomPorts,
      deployDelayMs: 1000,
      buildDelayMs: 20,
    });
  });
  afterAll(async () => sandbox?.stop());

  it('re-syncs the drifted environments as "self-heal", and never queues a second deploy', async () => {
    const config = configWithSelfHeal(sandbox.urls, {
      dev: true,
      staging: true,
      prod: true,
    });
    const auditor = recordingAuditor();
    const logger = mockServices.logger.mock();
    const resync = createResyncService({
      config,
      auditor,
      logger,
      clients: new UpstreamClients(config),
    });
    const view = sandboxViewService(sandbox.urls);
    const deps = {
      environments: config.environments,
      cap: 5,
      catalog: catalogServiceMock({
        entities: [
          component('xposer', xposerAnnotations),
          component('no-delivery', {}),
          component('nordmart-review', {
            'delivery/code-job': 'stakater/nordmart-review/main',
            'delivery/image': 'stakater/nordmart-review',
            'delivery/chart': 'nordmart-review',
          }),
        ],
      }),
      auth: mockServices.auth(),
      view,
      resync,
      logger,
    };
    const nexusHost = new URL(sandbox.urls.nexus).host;
    await sandboxControl(sandbox, 'POST', '/kubectl/set-image', {
      namespace: 'staging',
      deployment: 'xposer',
      image: `${nexusHost}/stakater/xposer:hotfix`,
    });

    const first = await runSelfHeal(deps);
    expect(first.checked).toBe(2);
    // staging: xposer drifted by hand; prod: nordmart-review drifted in the default world; dev nordmart is deploy-failed
    expect(first.picks.map(p => [p.environment, p.drifted])).toEqual([
      ['staging', ['component:default/xposer']],
      ['prod', ['component:default/nordmart-review']],
    ]);
    expect(first.results.map(r => r.queued)).toEqual([true, true]);
    expect(
      auditor.events.map(e => [
        e.eventId,
        e.status,
        e.meta?.actor,
        e.meta?.environment,
      ]),
    ).toEqual([
      ['delivery-resync', 'succeeded', 'self-heal', 'staging'],
      ['delivery-resync', 'succeeded', 'self-heal', 'prod'],
    ]);

    // both deploys are queued or building now: nothing new is queued (fault 24)
    const second = await runSelfHeal(deps);
    expect(second.results.every(r => r.queued === false)).toBe(true);
    const counts = (await sandboxControl(sandbox, 'GET', '/requests')) as {
      upstreams: Record<string, { routes: Record<string, number> }>;
    };
    const posts = Object.entries(
      counts.upstreams['jenkins-deploy'].routes as Record<string, number>,
    ).filter(([r]) => r.startsWith('POST'));
    expect(posts.sort()).toEqual([
      ['POST /job/deploy/job/config-prod/buildWithParameters', 1],
      ['POST /job/deploy/job/config-staging/buildWithParameters', 1],
    ]);

    const until = Date.now() + 15_000;
    let status = '';
    while (Date.now() < until && status !== 'in-sync') {
      const v = await view.getView(component('xposer', xposerAnnotations));
      status = v.environments.find(e => e.name === 'staging')!.status;
      if (status !== 'in-sync') await new Promise(r => setTimeout(r, 200));
    }
    expect(status).toBe('in-sync');
  });
});
