import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { Octokit } from '@octokit/rest';
import { sandboxCredentials } from '@gitops-delivery/sandbox';
import {
  component,
  sandboxAppConfig,
  stakaterHostAliases,
  startTestSandbox,
  TestSandbox,
} from '../../__testUtils__/sandbox';
import { createTestDatabases } from '../../database/__testUtils__/testDatabases';
import { DatabasePromotionStore } from '../../database/DatabasePromotionStore';
import { readDeliveryConfig } from '../../config';
import { DefaultDeliveryViewService } from '../view';
import { createPromotionService } from './promotionService';
import { guest, recordingAuditor } from './__testUtils__/harness';

jest.setTimeout(60_000);

/**
 * Promote on the stakater world with the default gates and zero version
 * configuration: the lineage (git tags on bump commits, SSH remotes through
 * the host alias) must satisfy "chart", "image", "successful build" and
 * "running in the previous environment".
 */
describe('promote on the stakater world', () => {
  const databases = createTestDatabases();
  let sandbox: TestSandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox('stakater');
  });
  afterAll(() => sandbox.stop());

  it('opens the prod PR for inventory 0.3.3 (running in staging), keeping the quoted pin', async () => {
    const app = sandboxAppConfig(sandbox.urls);
    Object.assign(
      app.delivery as JsonObject,
      stakaterHostAliases(sandbox.urls),
    );
    const root = new ConfigReader(app);
    const config = readDeliveryConfig(root);
    const view = DefaultDeliveryViewService.create({
      config,
      logger: mockServices.logger.mock(),
    });
    const knex = await databases.init('SQLITE_3');
    const store = await DatabasePromotionStore.create({
      database: mockServices.database({ knex }),
    });
    const service = createPromotionService({
      config,
      integrations: ScmIntegrations.fromConfig(root),
      facts: view,
      store,
      auditor: recordingAuditor(),
      logger: mockServices.logger.mock(),
    });
    const entity = component('inventory', {
      'delivery/code-job': 'code:stakater/inventory/master',
      'delivery/image': 'stakater/inventory',
      'delivery/chart': 'inventory',
    });

    const preview = await service.preview({
      entity,
      credentials: guest,
      environment: 'prod',
      version: '0.3.3',
      allowed: true,
    });
    expect(preview.gates.filter(g => !g.ok)).toEqual([]);
    expect(preview.gates.map(g => g.rule)).toEqual([
      'chart-exists',
      'image-exists',
      'build-succeeded',
      'running-in-previous',
    ]);

    const result = await service.promote({
      entity,
      credentials: guest,
      environment: 'prod',
      version: '0.3.3',
    });
    expect(result).toMatchObject({ created: true, previousVersion: '0.3.1' });

    const octokit = new Octokit({
      baseUrl: `${sandbox.urls.github}/api/v3`,
      auth: sandboxCredentials.githubToken,
    });
    const cmp = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: 'gitops',
      repo: 'config-prod',
      basehead: `main...${result.branch}`,
    });
    const chart = cmp.data.files!.find(f => f.filename === 'Chart.yaml')!;
    const changed = chart
      .patch!.split('\n')
      .filter(l => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l));
    expect(changed).toEqual([
      expect.stringMatching(/^-\s+version: "0\.3\.1"$/),
      expect.stringMatching(/^\+\s+version: "0\.3\.3"$/),
    ]);
  });
});
