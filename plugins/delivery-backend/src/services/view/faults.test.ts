import type {
  DeliveryView,
  SourceErrorKind,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  component,
  sandboxViewService,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../__testUtils__/sandbox';
import { sandboxControl } from '../../__testUtils__/sandboxControl';
import { openApiValidator } from '../../__testUtils__/openapi';

jest.setTimeout(120_000);

const ENVS = ['dev', 'staging', 'prod'];
/** Which `sources` keys each sandbox upstream feeds. */
const SOURCES_OF: Record<string, string[]> = {
  'jenkins-code': ['codeJenkins'],
  'jenkins-deploy': ENVS.map(e => `deployJenkins:${e}`),
  nexus: ['nexus'],
  chartmuseum: ['chartMuseum'],
  github: ENVS.flatMap(e => [`configRepo:${e}`, `promotions:${e}`]),
  kubernetes: ENVS.map(e => `cluster:${e}`),
};

const SYNCED = ['in-sync', 'in-sync', 'in-sync'];
const UNKNOWN = ['unknown', 'unknown', 'unknown'];
/** xposer's environment statuses while one upstream fails. */
const STATUS_WHEN_FAILING: Record<string, string[]> = {
  'jenkins-code': SYNCED,
  nexus: SYNCED,
  chartmuseum: SYNCED,
  'jenkins-deploy': UNKNOWN,
  github: UNKNOWN,
  kubernetes: UNKNOWN,
};

/** [name, fault, expected kind, client timeout]: short timeouts only where the fault is time. */
type FaultCase = [string, Record<string, unknown>, SourceErrorKind, number];
const FAULTS: FaultCase[] = [
  ['down (503)', { kind: 'error', status: 503 }, 'unavailable', 10_000],
  ['hanging', { kind: 'hang' }, 'timeout', 1500],
  [
    'slow past the timeout',
    { kind: 'latency', latencyMs: 5000 },
    'timeout',
    1500,
  ],
  ['an HTML login page', { kind: 'html-login' }, 'unauthorized', 10_000],
  ['truncated JSON', { kind: 'truncated-json' }, 'bad-response', 10_000],
  [
    'an oversized body',
    { kind: 'oversized', sizeBytes: 3 * 1024 * 1024 },
    'bad-response',
    10_000,
  ],
];

describe('the view under upstream faults (sandbox control API)', () => {
  let sandbox: TestSandbox;
  const validate = openApiValidator();

  const control = (method: string, path: string, body?: unknown) =>
    sandboxControl(sandbox, method, path, body);
  const view = (timeoutMs = 10_000): Promise<DeliveryView> =>
    sandboxViewService(sandbox.urls, {
      timeoutMs,
      maxResponseBytes: 1024 * 1024,
    }).getView(component('xposer', xposerAnnotations));

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await view(); // warm up the simulators (first git reads are slow)
  });
  afterEach(() => control('DELETE', '/faults'));
  afterAll(() => sandbox.stop());

  describe.each(Object.keys(SOURCES_OF))('%s', upstream => {
    it.each(FAULTS)('%s', async (_name, fault, kind, timeoutMs) => {
      await control('POST', '/faults', { upstream, ...fault });
      const started = Date.now();
      const v = await view(timeoutMs);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(validate('DeliveryView', v)).toBeNull();
      const marked = SOURCES_OF[upstream];
      const errorState = {
        status: 'error',
        error: { kind, message: expect.any(String) },
      };
      expect(v.sources).toEqual(
        Object.fromEntries(
          Object.keys(v.sources).map(key => [
            key,
            marked.includes(key) ? errorState : { status: 'ok' },
          ]),
        ),
      );
      // Everything the failing upstream does not feed is still right.
      expect(v.environments.map(e => e.status)).toEqual(
        STATUS_WHEN_FAILING[upstream],
      );
      expect(v.environments.map(e => e.pinnedVersion)).toEqual(
        upstream === 'github'
          ? [undefined, undefined, undefined]
          : ['v0.0.21', 'v0.0.20', '0.0.19'],
      );
      expect(v.builds).toHaveLength(upstream === 'jenkins-code' ? 0 : 16);
    });
  });

  it('retries a transient 503 on a GET and shows the source as ok', async () => {
    await control('POST', '/faults', {
      upstream: 'nexus',
      kind: 'error',
      status: 503,
      once: true,
    });
    const v = await view();
    expect(v.sources.nexus).toEqual({ status: 'ok' });
    expect(v.versions.find(x => x.version === 'v0.0.21')?.image?.tag).toBe(
      'v0.0.21',
    );
  });

  it('stops on a repeated continuationToken and marks Nexus incomplete', async () => {
    await control('POST', '/faults', {
      upstream: 'nexus',
      kind: 'error',
      status: 200,
      body: JSON.stringify({
        items: [],
        continuationToken: '0123456789abcdef0123456789abcdef',
      }),
    });
    const v = await view();
    expect(v.sources.nexus).toMatchObject({
      status: 'ok',
      incomplete: true,
      note: expect.stringMatching(/repeated/),
    });
    expect(v.environments.map(e => e.status)).toEqual([
      'in-sync',
      'in-sync',
      'in-sync',
    ]);
  });

  it('sees a manual kubectl set image as drift', async () => {
    await control('POST', '/kubectl/set-image', {
      namespace: 'staging',
      deployment: 'xposer',
      image: `${new URL(sandbox.urls.nexus).host}/stakater/xposer:v0.0.19`,
    });
    try {
      const v = await view();
      expect(v.environments[1]).toMatchObject({
        name: 'staging',
        pinnedVersion: 'v0.0.20',
        runningVersion: 'v0.0.19',
        live: { labeledVersion: 'v0.0.20' },
        status: 'drifted',
      });
      const v19 = v.versions.find(x => x.version === 'v0.0.19')!;
      expect(v19.environments[1]).toMatchObject({
        environment: 'staging',
        running: true,
        pinned: false,
      });
    } finally {
      await control('POST', '/reset');
    }
  });
});
