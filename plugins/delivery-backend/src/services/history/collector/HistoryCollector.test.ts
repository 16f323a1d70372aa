import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  component,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../../__testUtils__/sandbox';
import { createTestDatabases } from '../../../database/__testUtils__/testDatabases';
import { eventRows, sandboxCollector } from './__testUtils__/collectorHarness';
import { promoteXposer, sandboxOctokit } from './__testUtils__/configPromotion';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
/** SQLite, and PostgreSQL when one is given (see createTestDatabases). */
const everyDatabase = createTestDatabases();
const xposer = component('xposer', xposerAnnotations);
const ref = 'component:default/xposer';

describe('HistoryCollector on the sandbox', () => {
  let sandbox: TestSandbox;
  beforeEach(async () => {
    sandbox = await startTestSandbox();
  });
  afterEach(async () => sandbox?.stop());

  it.each(everyDatabase.eachSupportedId())(
    'records builds, carried commits, pin changes, deploys and statuses; a second run writes nothing new (%s)',
    async (id: TestDatabaseId) => {
      const { collector, knex, store } = await sandboxCollector(
        sandbox,
        databases,
        { entities: [xposer], knex: await everyDatabase.init(id) },
      );
      const first = await collector.run();
      expect(first).toMatchObject({
        entities: 1,
        builds: 16,
        deploys: 8,
        pinChanges: 6,
        transitions: 3,
        errors: [],
      });
      const rows = await eventRows(knex);

      const second = await collector.run();
      expect(second).toMatchObject({
        builds: 0,
        deploys: 0,
        changes: 0,
        pinChanges: 0,
        transitions: 0,
        requests: {},
        errors: [],
      });
      expect(await eventRows(knex)).toEqual(rows);

      const history = await store.entityHistory(ref, {
        since: new Date(0),
        environment: 'prod',
      });
      // prod (Chart.yaml): 0.0.14 first, then 0.0.19; the first deploy of 0.0.19 failed
      expect(history.pinChanges.map(p => [p.fromVersion, p.toVersion])).toEqual(
        [
          [undefined, '0.0.14'],
          ['0.0.14', '0.0.19'],
        ],
      );
      expect(history.deploys.map(d => [d.number, d.version, d.result])).toEqual(
        [
          [1, '0.0.14', 'SUCCESS'],
          [2, '0.0.19', 'FAILURE'],
          [3, '0.0.19', 'SUCCESS'],
        ],
      );
      expect(history.deploys[2].configSha).toBe(
        history.pinChanges[1].configSha,
      );
      expect(history.observations).toEqual([
        expect.objectContaining({
          status: 'in-sync',
          runningVersion: 'v0.0.19',
        }),
      ]);
      // every built version carries its commits, each at its commit time
      const v20 = history.changes.filter(c => c.version === 'v0.0.20');
      expect(v20.length).toBeGreaterThan(0);
      expect(history.builds.find(b => b.version === 'v0.0.20')?.commitSha).toBe(
        v20.at(-1)!.sha,
      );
      const [snapshot] = await store.listSnapshots();
      expect(snapshot).toMatchObject({
        entityRef: ref,
        title: 'xposer',
        owner: 'group:default/team-xposer',
        environments: [
          { name: 'dev', status: 'in-sync', pinnedVersion: 'v0.0.21' },
          { name: 'staging', status: 'in-sync', pinnedVersion: 'v0.0.20' },
          { name: 'prod', status: 'in-sync', pinnedVersion: '0.0.19' },
        ],
      });
      expect(snapshot.environments[2].pinnedAt).toBe(
        history.pinChanges[1].committedAt,
      );
    },
  );

  it('resumes from its cursors: a merged promotion is one new pin change with its pull request, deploy and status', async () => {
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [xposer],
    });
    await collector.run();
    const pr = await promoteXposer(sandbox, 'staging', 'v0.0.20', 'v0.0.21', {
      merge: true,
    });
    const me = await sandboxOctokit(sandbox).rest.users.getAuthenticated();

    const next = await collector.run();
    expect(next).toMatchObject({
      builds: 0,
      pinChanges: 1,
      deploys: 1,
      transitions: 1,
      errors: [],
    });
    const staging = await store.entityHistory(ref, {
      since: new Date(0),
      environment: 'staging',
    });
    expect(staging.pinChanges.at(-1)).toMatchObject({
      // the merge commit (what the deploy ran), not the branch's own commit
      configSha: pr.mergeSha,
      fromVersion: 'v0.0.20',
      toVersion: 'v0.0.21',
      pullRequest: {
        number: pr.number,
        mergedBy: me.data.login,
      },
    });
    expect(staging.deploys.at(-1)).toMatchObject({
      number: 3,
      version: 'v0.0.21',
      result: 'SUCCESS',
      configSha: staging.pinChanges.at(-1)!.configSha,
    });
    expect(staging.observations.at(-1)).toMatchObject({
      status: 'in-sync',
      runningVersion: 'v0.0.21',
    });
  });

  it('keeps the history of builds Jenkins discarded', async () => {
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [xposer],
    });
    await collector.run();
    // Jenkins' log rotation: the code Jenkins keeps the newest 3 builds
    const rotate = await fetch(`${sandbox.urls.control}/jenkins/rotate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 3, upstream: 'jenkins-code' }),
    });
    expect(rotate.status).toBe(200);
    const job = sandbox.engine.generation.code.findByFullName(
      'stakater/xposer/master',
    )!;
    expect(job.builds.map(b => b.number).sort((a, b) => a - b)).toEqual([
      14, 15, 16,
    ]);
    await sandbox.engine.push('xposer', 'Add a feature');
    await sandbox.engine.idle();

    const next = await collector.run();
    expect(next.builds).toBe(1);
    const { builds } = await store.entityHistory(ref, { since: new Date(0) });
    expect(builds.map(b => b.number)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
  });

  it('spends at most maxCompares GitHub compares per run and continues on the next run', async () => {
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [xposer],
      overrides: { maxCompares: 5 },
    });
    const compares = () =>
      sandbox.counter.count(
        'github',
        /^GET \/api\/v3\/repos\/[^/]+\/[^/]+\/compare\//,
      );
    const perRun: number[] = [];
    const versions: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = compares();
      const run = await collector.run();
      perRun.push(compares() - before);
      expect(run.requests).toEqual(
        perRun.at(-1) ? { compare: perRun.at(-1) } : {},
      );
      versions.push((await store.versionsWithChanges(ref)).size);
    }
    // 12 versions after the oldest: 5 + 5 + 2, then nothing left
    expect(perRun).toEqual([5, 5, 2, 0]);
    expect(versions).toEqual([5, 10, 13, 13]);
  });

  it('records nothing older than the retention, and drops the snapshot of an entity gone from the catalog', async () => {
    const nordmart = component('nordmart-review', {
      'delivery/code-job': 'stakater/nordmart-review/main',
      'delivery/image': 'stakater/nordmart-review',
      'delivery/chart': 'nordmart-review',
    });
    const now = new Date();
    const first = await sandboxCollector(sandbox, databases, {
      entities: [xposer, nordmart],
      history: { retentionDays: 30 },
      now: () => now,
    });
    const run = await first.collector.run();
    expect(run.errors).toEqual([]);
    const { builds, deploys, pinChanges } = await first.store.entityHistory(
      ref,
      { since: new Date(0) },
    );
    const cutoff = now.getTime() - 30 * 86_400_000;
    expect(builds.length).toBeGreaterThan(0);
    for (const t of [
      ...builds.map(b => b.startedAt),
      ...deploys.map(d => d.startedAt),
      ...pinChanges.map(p => p.committedAt),
    ]) {
      expect(Date.parse(t)).toBeGreaterThanOrEqual(cutoff);
    }
    // the 16 builds span four months: only the last month's are kept
    expect(builds.length).toBeLessThan(16);
    expect((await first.store.listSnapshots()).map(s => s.entityRef)).toEqual([
      'component:default/nordmart-review',
      ref,
    ]);

    const later = await sandboxCollector(sandbox, databases, {
      entities: [xposer],
      knex: first.knex,
    });
    expect((await later.collector.run()).deleted).toMatchObject({
      delivery_history_snapshots: 1,
    });
    expect((await later.store.listSnapshots()).map(s => s.entityRef)).toEqual([
      ref,
    ]);
  });

  it('writes the snapshot without a DORA summary when the summary fails', async () => {
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [xposer],
      overrides: {
        summarize: () => {
          throw new RangeError('days must be a positive integer, got 0');
        },
      },
    });
    expect((await collector.run()).errors).toEqual([]);
    const [snapshot] = await store.listSnapshots();
    expect(snapshot.entityRef).toBe(ref);
    expect(snapshot).not.toHaveProperty('dora');
  });

  it('records the other sources when one config repo fails, and catches up on the next run', async () => {
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [xposer],
    });
    // only the collector's reads of prod's file history (they carry `since=`)
    sandbox.faults.add({
      upstream: 'github',
      pathPattern: '/repos/gitops/config-prod/commits\\?.*since=',
      kind: 'error',
      status: 502,
    });
    const failed = await collector.run();
    expect(failed.errors).toEqual([
      expect.stringMatching(/^pin-file:.*config-prod@main:Chart\.yaml: /),
    ]);
    expect(failed).toMatchObject({ builds: 16, deploys: 8, pinChanges: 4 });
    const prod = () =>
      store.entityHistory(ref, { since: new Date(0), environment: 'prod' });
    expect((await prod()).pinChanges).toEqual([]);
    // the deploy runs got their versions from the view all the same
    expect((await prod()).deploys.map(d => d.version)).toEqual([
      '0.0.14',
      '0.0.19',
      '0.0.19',
    ]);

    sandbox.faults.clear();
    const next = await collector.run();
    expect(next).toMatchObject({ errors: [], pinChanges: 2, builds: 0 });
    expect((await prod()).pinChanges.map(p => p.toVersion)).toEqual([
      '0.0.14',
      '0.0.19',
    ]);
  });

  it('leaves the commits of new versions for the next run when GitHub compares fail, and records the rest', async () => {
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [xposer],
    });
    sandbox.faults.add({
      upstream: 'github',
      pathPattern: '/compare/',
      kind: 'error',
      status: 502,
    });
    const failed = await collector.run();
    expect(failed.errors).toEqual([
      expect.stringMatching(
        /^component:default\/xposer: commits of v0\.0\.21 not read: /,
      ),
    ]);
    expect(failed).toMatchObject({ builds: 16, deploys: 8, changes: 0 });
    expect(await store.listSnapshots()).toHaveLength(1);

    sandbox.faults.clear();
    const next = await collector.run();
    expect(next.errors).toEqual([]);
    expect(next.changes).toBeGreaterThan(12);
    expect((await store.versionsWithChanges(ref)).size).toBe(13);
  });
});
