import { TestDatabaseId } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases } from '../../database/__testUtils__/testDatabases';
import { createHarness, guest } from './__testUtils__/harness';
import {
  TestGitHub,
  startTestGitHub,
} from '@gitops-delivery/sandbox/testUtils';
import { entity, seeds } from './__testUtils__/world';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'two backend replicas on %s',
  (id: TestDatabaseId) => {
    let gh: TestGitHub;
    afterEach(async () => gh?.close());

    it('22 concurrent promotes spread over two replicas -> exactly one PR', async () => {
      gh = await startTestGitHub(seeds());
      const knex = await databases.init(id);
      // SQLite in-memory cannot be shared between connections: one client there.
      const second: Knex =
        id === 'SQLITE_3' ? knex : knexFactory(knex.client.config);
      const a = await createHarness(gh, knex);
      const b = await createHarness(gh, second);
      const results = await Promise.all(
        Array.from({ length: 22 }, (_, i) =>
          (i % 2 ? b : a).service.promote({
            entity,
            credentials: guest,
            environment: 'dev',
            version: 'v0.0.20',
          }),
        ),
      );
      const octokit = gh.octokit;
      const pulls = await octokit.rest.pulls.list({
        owner: 'gitops',
        repo: 'config-dev',
        state: 'all',
      });
      expect(pulls.data).toHaveLength(1);
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(new Set(results.map(r => r.url))).toEqual(
        new Set([pulls.data[0].html_url]),
      );
      const records = await a.store.listPromotions('component:default/xposer', {
        limit: 100,
      });
      expect(records).toHaveLength(22);
      expect(records.filter(r => r.outcome === 'created')).toHaveLength(1);
      expect(records.filter(r => r.outcome === 'reused')).toHaveLength(21);
      if (second !== knex) await second.destroy();
    });
  },
);
