import { TestDatabases } from '@backstage/backend-test-utils';
import {
  DORA_WORLD_NOW,
  doraExpected,
  type Sandbox,
} from '@gitops-delivery/sandbox';
import { startTestSandbox } from '@gitops-delivery/sandbox/testUtils';
import type { DoraDeploy } from '@gitops-delivery/backstage-plugin-delivery-common';
import { openApiValidator } from '../../__testUtils__/openapi';
import { component } from '../../__testUtils__/sandbox';
import { PERFORMANCE_CONTEXT_DAYS } from '../../routes/historyRoutes';
import { sandboxCollector } from './collector/__testUtils__/collectorHarness';
import { computePerformance } from './dora';

/**
 * The sandbox's fixed world (`worlds/dora.yaml`) against its expected
 * figures (`doraExpected`, worked out by hand): the collector runs once over
 * real HTTP, and the DORA figures and every drill-down list computed from
 * what it recorded are exactly the expected ones.
 */
jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOW = new Date(DORA_WORLD_NOW);
const DAY_MS = 86_400_000;
const orders = component('orders', {
  'delivery/code-job': 'code:shop/orders/main',
  'delivery/image': 'shop/orders',
  'delivery/chart': 'orders',
});
const instant = (iso?: string) => (iso ? Date.parse(iso) : undefined);

describe('DORA figures of the fixed world', () => {
  let sandbox: Sandbox;
  let performance: ReturnType<typeof computePerformance>;
  const configSha = (id: string) =>
    sandbox.engine.generation.store.commitSha('gitops', 'config-prod', id)!;
  const codeSha = (id: string) =>
    sandbox.engine.generation.store.commitSha('shop', 'orders', id)!;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ world: 'dora', now: DORA_WORLD_NOW });
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [orders],
      now: () => NOW,
    });
    const run = await collector.run();
    if (run.errors.length) throw new Error(run.errors.join('\n'));
    // read as the performance route reads it
    const history = await store.entityHistory('component:default/orders', {
      since: new Date(
        NOW.getTime() - (doraExpected.days + PERFORMANCE_CONTEXT_DAYS) * DAY_MS,
      ),
      environment: doraExpected.environment,
    });
    performance = computePerformance(history, {
      environment: doraExpected.environment,
      days: doraExpected.days,
      now: NOW,
      failureWindowHours: doraExpected.failureWindowHours,
    });
  });
  afterAll(() => sandbox?.stop());

  /** A counted deploy, in the expected file's terms (world ids resolved to shas). */
  const asExpected = (d: DoraDeploy) => ({
    run: d.run.number,
    result: d.run.result,
    startedAt: instant(d.startedAt),
    finishedAt: instant(d.finishedAt),
    version: d.version,
    previousVersion: d.previousVersion,
    configCommit: d.configCommit.sha,
    pullRequest: d.configCommit.pullRequest && {
      number: d.configCommit.pullRequest.number,
      mergedBy: d.configCommit.pullRequest.mergedBy,
    },
    failure: d.failure,
  });
  const expectedDeploy = (
    e: (typeof doraExpected.changeFailureRate.deploys)[number],
  ) => ({
    run: e.run,
    result: e.result,
    startedAt: instant(e.startedAt),
    finishedAt: instant(e.finishedAt),
    version: e.version,
    previousVersion: e.previousVersion,
    configCommit: configSha(e.configCommit),
    pullRequest: e.pullRequest,
    failure: e.failure && {
      kind: e.failure.kind,
      // the expected file names config commits by world id; we print the short sha
      detail: e.failure.detail.replace(
        /\((p\d+)\)/,
        (_, id: string) => `(${configSha(id).slice(0, 7)})`,
      ),
    },
  });

  it('answers what the OpenAPI file documents', () => {
    const validate = openApiValidator();
    expect(
      validate('DeliveryPerformance', JSON.parse(JSON.stringify(performance))),
    ).toBeNull();
  });

  it('covers the expected period in production', () => {
    expect(performance.environment).toBe('prod');
    expect(instant(performance.period.from)).toBe(
      instant(doraExpected.period.from),
    );
    expect(instant(performance.period.to)).toBe(
      instant(doraExpected.period.to),
    );
  });

  it('deployment frequency and its deploys', () => {
    const f = performance.deploymentFrequency;
    expect(f.count).toBe(doraExpected.deploymentFrequency.count);
    expect(f.perDay).toBe(doraExpected.deploymentFrequency.perDay);
    expect(f.perWeek).toBe(doraExpected.deploymentFrequency.perWeek);
    expect(f.deploys.map(asExpected)).toEqual(
      doraExpected.deploymentFrequency.deploys.map(expectedDeploy),
    );
  });

  it('lead time and its changes', () => {
    const l = performance.leadTime;
    expect(l.medianHours).toBe(doraExpected.leadTime.medianHours);
    expect(l.p90Hours).toBe(doraExpected.leadTime.p90Hours);
    const byTime = (a: { sha: string }, b: { sha: string }) =>
      a.sha.localeCompare(b.sha);
    expect(
      l.changes
        .map(c => ({
          sha: c.sha,
          message: c.message,
          committedAt: instant(c.committedAt),
          version: c.version,
          runningAt: instant(c.runningAt),
          runningVia: c.runningVia,
          leadTimeHours: c.leadTimeHours,
        }))
        .sort(byTime),
    ).toEqual(
      doraExpected.leadTime.changes
        .map(e => ({
          sha: codeSha(e.commit),
          message: e.message,
          committedAt: instant(e.committedAt),
          version: e.version,
          runningAt: instant(e.runningAt),
          runningVia: e.runningVia,
          leadTimeHours: e.leadTimeHours,
        }))
        .sort(byTime),
    );
  });

  it('change failure rate and its deploys, each failure with its reason', () => {
    const c = performance.changeFailureRate;
    expect(c.failed).toBe(doraExpected.changeFailureRate.failed);
    expect(c.total).toBe(doraExpected.changeFailureRate.total);
    expect(c.rate).toBe(doraExpected.changeFailureRate.rate);
    expect(c.deploys.map(asExpected)).toEqual(
      doraExpected.changeFailureRate.deploys.map(expectedDeploy),
    );
  });

  it('time to restore and its incidents; the drift first seen now is open', () => {
    const t = performance.timeToRestore;
    expect(t.medianHours).toBe(doraExpected.timeToRestore.medianHours);
    const restored = t.incidents.filter(i => i.restoredAt);
    expect(
      restored.map(i => ({
        status: i.status,
        detail: i.detail,
        startedAt: instant(i.startedAt),
        restoredAt: instant(i.restoredAt),
        restoreHours: i.restoreHours,
      })),
    ).toEqual(
      doraExpected.timeToRestore.incidents.map(e => ({
        status: e.status,
        detail: `deploy run #${e.failedRun} failed; restored: deploy run #${e.restoredBy} succeeded`,
        startedAt: instant(e.startedAt),
        restoredAt: instant(e.restoredAt),
        restoreHours: e.restoreHours,
      })),
    );
    expect(t.incidents.filter(i => !i.restoredAt)).toEqual([
      expect.objectContaining({ status: 'drifted', environment: 'prod' }),
    ]);
  });
});
