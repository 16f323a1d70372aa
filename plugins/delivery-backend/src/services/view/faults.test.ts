import type { DeliveryView, SourceErrorKind } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  component,
  sandboxViewService,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../testUtils/sandbox';
import { openApiValidator } from '../../testUtils/openapi';

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

type FaultCase = [string, Record<string, unknown>, SourceErrorKind];
const FAULTS: FaultCase[] = [
  ['down (503)', { kind: 'error', status: 503 }, 'unavailable'],
  ['hanging', { kind: 'hang' }, 'timeout'],
  ['slow past the timeout', { kind: 'latency', latencyMs: 4000 }, 'timeout'],
  ['an HTML login page', { kind: 'html-login' }, 'unauthorized'],
  ['truncated JSON', { kind: 'truncated-json' }, 'bad-response'],
  ['an oversized body', { kind: 'oversized', sizeBytes: 3 * 1024 * 1024 }, 'bad-response'],
];

describe('the view under upstream faults (sandbox control API)', () => {
  let sandbox: TestSandbox;
  const validate = openApiValidator();

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.urls.control}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${await res.text()}`);
  };
  const view = (): Promise<DeliveryView> =>
    sandboxViewService(sandbox.urls, { timeoutMs: 2000, maxResponseBytes: 1024 * 1024 }).getView(component('xposer', xposerAnnotations));

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await view(); // warm up the simulators (first git reads are slow)
  });
  afterEach(() => control('DELETE', '/faults'));
  afterAll(() => sandbox.stop());

  describe.each(Object.keys(SOURCES_OF))('%s', upstream => {
    it.each(FAULTS)('%s', async (_name, fault, kind) => {
      await control('POST', '/faults', { upstream, ...fault });
      const started = Date.now();
      const v = await view();
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(validate('DeliveryView', v)).toBeNull();
      const marked = SOURCES_OF[upstream];
      for (const [key, state] of Object.entries(v.sources)) {
        if (marked.includes(key)) {
          expect({ key, state }).toMatchObject({ key, state: { status: 'error', error: { kind } } });
        } else {
          expect({ key, state }).toEqual({ key, state: { status: 'ok' } });
        }
      }
      // Everything the failing upstream does not feed is still right.
      if (['jenkins-code', 'nexus', 'chartmuseum'].includes(upstream)) {
        expect(v.environments.map(e => e.status)).toEqual(['in-sync', 'in-sync', 'in-sync']);
        expect(v.versions[0].version).toBe('v0.0.21');
      } else if (upstream !== 'github') {
        expect(v.environments.map(e => e.status)).toEqual(['unknown', 'unknown', 'unknown']);
        expect(v.environments.map(e => e.pinnedVersion)).toEqual(['v0.0.21', 'v0.0.20', '0.0.19']);
      } else {
        expect(v.environments.every(e => e.status === 'unknown')).toBe(true);
        expect(v.builds).toHaveLength(16);
      }
    });
  });

  it('retries a transient 503 on a GET and shows the source as ok', async () => {
    await control('POST', '/faults', { upstream: 'nexus', kind: 'error', status: 503, once: true });
    const v = await view();
    expect(v.sources.nexus).toEqual({ status: 'ok' });
    expect(v.versions.find(x => x.version === 'v0.0.21')?.image?.tag).toBe('v0.0.21');
  });

  it('stops on a repeated continuationToken and marks Nexus incomplete', async () => {
    await control('POST', '/faults', {
      upstream: 'nexus',
      kind: 'error',
      status: 200,
      body: JSON.stringify({ items: [], continuationToken: '0123456789abcdef0123456789abcdef' }),
    });
    const v = await view();
    expect(v.sources.nexus).toMatchObject({ status: 'ok', incomplete: true, note: expect.stringMatching(/repeated/) });
    expect(v.environments.map(e => e.status)).toEqual(['in-sync', 'in-sync', 'in-sync']);
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
      expect(v19.environments[1]).toMatchObject({ environment: 'staging', running: true, pinned: false });
    } finally {
      await control('POST', '/reset');
    }
  });
});
