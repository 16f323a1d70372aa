import { TestDatabases } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import {
  component,
  startTestSandbox,
  TestSandbox,
  xposerAnnotations,
} from '../../../__testUtils__/sandbox';
import { sandboxCollector } from './__testUtils__/collectorHarness';
import { sandboxOctokit } from './__testUtils__/configPromotion';

jest.setTimeout(180_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const ref = 'component:default/xposer';

/** xposer's pin in gitops/config-prod's Chart.yaml (v2 dependencies) at a commit (read from the sandbox GitHub). */
async function pinAt(sandbox: TestSandbox, sha: string): Promise<string> {
  const { data } = await sandboxOctokit(sandbox).repos.getContent({
    owner: 'gitops',
    repo: 'config-prod',
    path: 'Chart.yaml',
    ref: sha,
    mediaType: { format: 'raw' },
  });
  const doc = parse(String(data)) as {
    dependencies: Array<{ name: string; alias?: string; version: string }>;
  };
  return doc.dependencies.find(d => (d.alias ?? d.name) === 'xposer')!.version;
}

describe('the back-fill of deploy runs (demo world: six months of history)', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox('demo');
  });
  afterAll(async () => sandbox?.stop());

  it('records the deploy job older runs than the view shows, each version the pin at its own config commit', async () => {
    const { collector, store } = await sandboxCollector(sandbox, databases, {
      entities: [component('xposer', xposerAnnotations)],
    });
    const run = await collector.run();
    expect(run.errors).toEqual([]);
    const { deploys } = await store.entityHistory(ref, {
      since: new Date(0),
      environment: 'prod',
    });
    // the view lists the newest 20 runs; the back-fill reads the newest 100 the job lists
    expect(deploys.length).toBeGreaterThan(20);
    expect(deploys.length).toBeLessThanOrEqual(100);
    const withVersion = deploys.filter(d => d.version);
    expect(withVersion.length).toBeGreaterThan(20);
    // every version is the pin at the deployed commit, never a guess (checked on the oldest ten)
    for (const d of withVersion.slice(0, 10)) {
      expect(await pinAt(sandbox, d.configSha!)).toBe(d.version);
    }
    // a second run reads no back-fill again and writes nothing new
    const again = await collector.run();
    expect(again).toMatchObject({ deploys: 0, errors: [] });
  });
});
