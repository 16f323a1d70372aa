import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseHistoryStore } from './DatabaseHistoryStore';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const ref = 'component:default/xposer';

describe.each(databases.eachSupportedId())(
  'DatabaseHistoryStore on %s',
  (id: TestDatabaseId) => {
    let knex: Knex;
    let store: DatabaseHistoryStore;

    beforeAll(async () => {
      knex = await databases.init(id);
      store = await DatabaseHistoryStore.create({
        database: mockServices.database({ knex }),
      });
    });

    it('upserts every record on its natural key (twice = one row)', async () => {
      const build = {
        entityRef: ref,
        number: 7,
        url: 'http://jenkins/job/x/7/',
        version: 'v0.0.7',
        commitSha: 'a'.repeat(40),
        result: null,
        startedAt: '2026-11-01T10:00:00Z',
      };
      await store.putBuilds([build]);
      await store.putBuilds([
        { ...build, result: 'SUCCESS', finishedAt: '2026-11-01T10:05:00Z' },
      ]);
      const deploy = {
        entityRef: ref,
        environment: 'prod',
        number: 3,
        configSha: 'c'.repeat(40),
        version: 'v0.0.7',
        result: 'SUCCESS' as const,
        startedAt: '2026-11-02T10:00:00.000Z',
        finishedAt: '2026-11-02T10:01:00.000Z',
      };
      await store.putDeploys([deploy, deploy]);
      const pin = {
        entityRef: ref,
        environment: 'prod',
        release: 'xposer',
        configSha: 'c'.repeat(40),
        fromVersion: 'v0.0.6',
        toVersion: 'v0.0.7',
        committedAt: '2026-11-02T09:59:00.000Z',
        pullRequest: {
          number: 12,
          mergedBy: 'alice',
          mergedAt: '2026-11-02T09:59:00.000Z',
        },
      };
      await store.putPinChanges([pin]);
      await store.putPinChanges([pin]);
      await store.putChanges([
        {
          entityRef: ref,
          version: 'v0.0.7',
          sha: 'a'.repeat(40),
          committedAt: '2026-10-01T00:00:00Z',
          message: 'fix',
        },
      ]);
      await store.putChanges([
        {
          entityRef: ref,
          version: 'v0.0.7',
          sha: 'a'.repeat(40),
          committedAt: '2026-10-01T00:00:00Z',
          message: 'fix',
        },
      ]);

      const h = await store.entityHistory(ref, {
        since: new Date('2026-11-01T00:00:00Z'),
      });
      expect(h.builds).toEqual([
        {
          ...build,
          result: 'SUCCESS',
          startedAt: '2026-11-01T10:00:00.000Z',
          finishedAt: '2026-11-01T10:05:00.000Z',
        },
      ]);
      expect(h.deploys).toEqual([deploy]);
      expect(h.pinChanges).toEqual([pin]);
      // committed before the window, but carried by a version deployed in it
      expect(h.changes.map(c => c.sha)).toEqual(['a'.repeat(40)]);
      expect(h.historySince).toBe('2026-10-01T00:00:00.000Z');
      expect(await store.versionsWithChanges(ref)).toEqual(new Set(['v0.0.7']));
      expect(
        (
          await store.entityHistory(ref, {
            since: new Date(0),
            environment: 'dev',
          })
        ).deploys,
      ).toEqual([]);
    });

    it('records an observation only on a transition', async () => {
      const at = (m: number) =>
        new Date(Date.UTC(2026, 10, 5, 0, m)).toISOString();
      const o = {
        entityRef: ref,
        environment: 'staging',
        status: 'in-sync' as const,
        runningVersion: 'v1',
      };
      expect((await store.observe({ ...o, observedAt: at(0) })).recorded).toBe(
        true,
      );
      expect((await store.observe({ ...o, observedAt: at(1) })).recorded).toBe(
        false,
      );
      const drift = await store.observe({
        ...o,
        status: 'drifted',
        runningVersion: 'v2',
        observedAt: at(2),
      });
      expect(drift).toEqual({
        recorded: true,
        previous: { ...o, observedAt: at(0) },
      });
      // an observation older than the last one never rewrites history
      expect((await store.observe({ ...o, observedAt: at(1) })).recorded).toBe(
        false,
      );
      const h = await store.entityHistory(ref, {
        since: new Date(at(0)),
        environment: 'staging',
      });
      expect(h.observations.map(x => x.status)).toEqual(['in-sync', 'drifted']);
    });

    it('keeps snapshots, cursors and sent notifications', async () => {
      await store.putSnapshot({
        entityRef: ref,
        title: 'Xposer',
        owner: 'group:default/team-xposer',
        environments: [{ name: 'dev', status: 'in-sync', openPromotions: 1 }],
        snapshotAt: '2026-11-05T00:00:00Z',
      });
      expect(await store.listSnapshots()).toEqual([
        {
          entityRef: ref,
          title: 'Xposer',
          owner: 'group:default/team-xposer',
          environments: [{ name: 'dev', status: 'in-sync', openPromotions: 1 }],
          snapshotAt: '2026-11-05T00:00:00.000Z',
        },
      ]);
      await store.putSnapshot({
        entityRef: 'component:default/gone',
        title: 'Gone',
        environments: [],
        snapshotAt: '2026-11-05T00:00:00Z',
      });
      expect(await store.keepSnapshotsOf([ref])).toBe(1);
      expect((await store.listSnapshots()).map(s => s.entityRef)).toEqual([
        ref,
      ]);
      expect(await store.getCursor('code-job:x')).toBeUndefined();
      await store.setCursor('code-job:x', { lastNumber: 4 });
      await store.setCursor('code-job:x', { lastNumber: 9 });
      expect(await store.getCursor('code-job:x')).toEqual({ lastNumber: 9 });
      expect(await store.wasNotified('k1')).toBe(false);
      await store.markNotified('k1', ref, 'drifted');
      await store.markNotified('k1', ref, 'drifted');
      expect(await store.wasNotified('k1')).toBe(true);
    });

    it('deletes events older than the retention cutoff', async () => {
      const removed = await store.deleteOlderThan(
        new Date('2026-11-01T12:00:00Z'),
      );
      expect(removed).toMatchObject({
        delivery_history_builds: 1,
        delivery_history_changes: 1,
        delivery_history_deploys: 0,
        // marked sent just now: kept
        delivery_history_notifications: 0,
      });
      const h = await store.entityHistory(ref, { since: new Date(0) });
      expect(h.builds).toEqual([]);
      expect(h.deploys).toHaveLength(1);
      expect(await store.listSnapshots()).toHaveLength(1);
      expect(
        await store.deleteOlderThan(new Date(Date.now() + 60_000)),
      ).toMatchObject({ delivery_history_notifications: 1 });
      expect(await store.wasNotified('k1')).toBe(false);
    });

    it('rejects a time that does not parse', async () => {
      await expect(
        store.putBuilds([
          { entityRef: ref, number: 1, result: null, startedAt: 'yesterday' },
        ]),
      ).rejects.toThrow('Not a time: "yesterday"');
    });
  },
);
