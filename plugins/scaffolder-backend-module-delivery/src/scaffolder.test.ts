import { readFileSync } from 'fs';
import { join } from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { scaffolderModule } from './module';
import { repoRoot } from './__testUtils__/fixtures';
import {
  deliveryClaimsStub,
  ReceivedClaim,
} from './__testUtils__/deliveryClaimsStub';
import { TEST_GITHUB_TOKEN } from '@gitops-delivery/sandbox/testUtils';
import { Sandbox, startSandbox } from './__testUtils__/scaffolderSandbox';

jest.setTimeout(120_000);

interface TaskEvent {
  type: string;
  body: { message?: string; output?: Record<string, unknown> };
}

/**
 * The template run by the real scaffolder backend (Nunjucks rendering, input validation,
 * checkpoints, output links) with this module, against the sandbox GitHub. The catalog is
 * mocked; `catalog:register` reads catalog-info.yaml through the real GitHub UrlReader.
 */
describe('delivery-service template in the scaffolder backend', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await startSandbox();
  });
  afterEach(() => sb.close());

  it('creates the service, opens the config PRs and registers the component', async () => {
    const text = readFileSync(
      join(repoRoot(), 'examples/templates/delivery-service/template.yaml'),
      'utf8',
    ).replace(/127\.0\.0\.1:7105/g, sb.host);
    const template = {
      ...parse(text),
      metadata: { ...parse(text).metadata, namespace: 'default' },
    };
    const reader = UrlReaders.default({
      config: sb.config,
      logger: mockServices.logger.mock(),
    });
    const registered: string[] = [];
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async () => template,
      addLocation: async req => {
        const entity = parse(
          (await (await reader.readUrl(req.target)).buffer()).toString('utf8'),
        );
        if (!req.dryRun) registered.push(req.target);
        return {
          location: {
            id: 'l1',
            type: 'url',
            target: req.target,
            entityRef: 'location:default/l1',
          },
          entities: [entity],
          exists: false,
        };
      },
    });
    const claims: ReceivedClaim[] = [];
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModule,
        deliveryClaimsStub(claims),
        catalog.factory,
        mockServices.rootConfig.factory({
          data: sb.config.get() as Record<string, never>,
        }),
      ],
    });
    const auth = mockCredentials.user.header();
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', auth)
      .send({
        templateRef: 'template:default/delivery-service',
        values: {
          name: 'orders',
          owner: 'group:default/team-xposer',
          description: 'Takes orders',
          language: 'go',
          environments: ['dev', 'prod'],
        },
      });
    expect(created.status).toBe(201);
    let status = 'open';
    for (
      let i = 0;
      i < 100 && (status === 'open' || status === 'processing');
      i++
    ) {
      await new Promise(r => setTimeout(r, 500));
      const task = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set('Authorization', auth);
      status = task.body.status;
    }
    const events: TaskEvent[] = (
      await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
        .set('Authorization', auth)
    ).body;
    const log = events.map(e => e.body.message ?? '').join('\n');
    expect({ status, log }).toEqual({
      status: 'completed',
      log: expect.any(String),
    });
    expect(log).not.toContain(TEST_GITHUB_TOKEN);
    // The claims were recorded as the scaffolder plugin, before catalog:register.
    expect(claims).toEqual([
      {
        subject: 'plugin:scaffolder',
        body: {
          entityRef: 'component:default/orders',
          annotations: {
            'delivery/release': 'orders',
            'delivery/chart': 'orders',
            'delivery/image': 'stakater/orders',
            'delivery/code-job': expect.stringMatching(
              /stakater\/orders\/main$/,
            ),
          },
        },
      },
    ]);
    expect(log).not.toMatch(/error/i);

    const output = events.find(e => e.type === 'completion')!.body.output as {
      links: Array<{ title: string; url?: string; entityRef?: string }>;
      text: Array<{ content: string }>;
    };
    const { data: devPulls } = await sb.octokit.pulls.list({
      owner: 'gitops',
      repo: 'config-dev',
    });
    const { data: prodPulls } = await sb.octokit.pulls.list({
      owner: 'gitops',
      repo: 'config-prod',
    });
    expect(output.links).toEqual([
      { title: 'Code repository', url: `${sb.baseUrl}/stakater/orders` },
      { title: 'dev config pull request', url: devPulls[0].html_url },
      { title: 'prod config pull request', url: prodPulls[0].html_url },
      {
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: 'component:default/orders',
      },
    ]);
    expect(output.text[0].content).toContain(
      `[pull request #${devPulls[0].number}](${devPulls[0].html_url})`,
    );
    expect(registered).toEqual([
      `${sb.baseUrl}/stakater/orders/blob/main/catalog-info.yaml`,
    ]);
    const { data: commits } = await sb.octokit.repos.listCommits({
      owner: 'stakater',
      repo: 'orders',
    });
    expect(commits).toHaveLength(1);
  });
});
