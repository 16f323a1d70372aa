import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import knexFactory, { Knex } from 'knex';
import { DatabasePromotionStore } from './DatabasePromotionStore';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

async function storeOn(knex: Knex) {
  return DatabasePromotionStore.create({
    database: mockServices.database({ knex }),
  });
}

describe.each(databases.eachSupportedId())(
  'DatabasePromotionStore on %s',
  (id: TestDatabaseId) => {
    let knex: Knex;
    let store: DatabasePromotionStore;

    beforeAll(async () => {
      knex = await databases.init(id);
      store = await storeOn(knex);
    });

    it('records attempts and lists them newest first', async () => {
      const a = await store.startAttempt({
        entityRef: 'component:default/xposer',
        environment: 'prod',
        release: 'xposer',
        toVersion: 'v0.0.20',
        actor: 'user:default/guest',
      });
      await store.finishAttempt(a, {
        outcome: 'created',
        fromVersion: 'v0.0.19',
        pullRequestUrl: 'http://127.0.0.1:7105/gitops/config-prod/pull/1',
      });
      await new Promise(r => setTimeout(r, 5));
      const b = await store.startAttempt({
        entityRef: 'component:default/xposer',
        environment: 'prod',
        release: 'xposer',
        toVersion: 'v0.0.21',
        actor: 'user:default/guest',
      });
      await store.startAttempt({
        entityRef: 'component:default/other',
        environment: 'prod',
        release: 'other',
        toVersion: '1.0.0',
        actor: 'user:default/guest',
      });
      const list = await store.listPromotions('component:default/xposer');
      expect(list.map(r => r.id)).toEqual([b, a]);
      expect(list[1]).toEqual({
        id: a,
        entityRef: 'component:default/xposer',
        environment: 'prod',
        fromVersion: 'v0.0.19',
        toVersion: 'v0.0.20',
        actor: 'user:default/guest',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        outcome: 'created',
        message: undefined,
        pullRequestUrl: 'http://127.0.0.1:7105/gitops/config-prod/pull/1',
      });
      expect(Math.abs(Date.parse(list[1].createdAt) - Date.now())).toBeLessThan(
        60_000,
      );
      // a still-pending attempt is reported, never hidden
      expect(list[0]).toMatchObject({
        outcome: 'failed',
        message: 'In progress',
      });
      expect(
        await store.listPromotions('component:default/xposer', { limit: 1 }),
      ).toHaveLength(1);
    });

    it('serializes 22 concurrent holders of one target', async () => {
      let inside = 0;
      let maxInside = 0;
      const order: number[] = [];
      await Promise.all(
        Array.from({ length: 22 }, (_, i) =>
          store.withTargetLock('gitops/config-prod:Chart.yaml', async () => {
            inside++;
            maxInside = Math.max(maxInside, inside);
            await new Promise(r => setTimeout(r, 2));
            order.push(i);
            inside--;
          }),
        ),
      );
      expect(maxInside).toBe(1);
      expect(order).toHaveLength(22);
    });

    it('lets different targets run in parallel', async () => {
      let inside = 0;
      let maxInside = 0;
      await Promise.all(
        ['a', 'b', 'c'].map(t =>
          store.withTargetLock(t, async () => {
            inside++;
            maxInside = Math.max(maxInside, inside);
            await new Promise(r => setTimeout(r, 50));
            inside--;
          }),
        ),
      );
      expect(maxInside).toBe(3);
    });

    it('releases the lease when the holder throws', async () => {
      await expect(
        store.withTargetLock('t-throw', async () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await expect(
        store.withTargetLock('t-throw', async () => 'ok'),
      ).resolves.toBe('ok');
    });

    it('gives up with ConflictError after waiting', async () => {
      let release!: () => void;
      const held = store.withTargetLock(
        't-wait',
        () => new Promise<void>(r => (release = r)),
      );
      await new Promise(r => setTimeout(r, 50));
      await expect(
        store.withTargetLock('t-wait', async () => 'never', { waitMs: 200 }),
      ).rejects.toThrow(ConflictError);
      release();
      await held;
    });

    it('takes over an expired lease of a dead replica', async () => {
      await knex('delivery_promotion_locks').insert({
        target: require('node:crypto')
          .createHash('sha256')
          .update('t-dead')
          .digest('hex'),
        holder: 'dead-replica',
        expires_at: Date.now() - 1000,
      });
      await expect(
        store.withTargetLock('t-dead', async () => 'ok', { waitMs: 1000 }),
      ).resolves.toBe('ok');
    });

    it('serializes two replicas sharing the database', async () => {
      let second: Knex | undefined;
      if (id !== 'SQLITE_3') {
        second = knexFactory(knex.client.config);
      }
      const other = second ? await storeOn(second) : store;
      let inside = 0;
      let maxInside = 0;
      const run = (s: DatabasePromotionStore) =>
        s.withTargetLock('shared', async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise(r => setTimeout(r, 5));
          inside--;
        });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => run(i % 2 ? other : store)),
      );
      expect(maxInside).toBe(1);
      await second?.destroy();
    });
  },
);
