import { generateKeyPairSync } from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import type { Knex } from 'knex';
import { readDeliveryConfig } from '../../config';
import { DatabasePromotionStore } from '../../database/DatabasePromotionStore';
import { createTestDatabases } from '../../database/__testUtils__/testDatabases';
import { createPromotionService } from './promotionService';
import { guest, recordingAuditor } from './__testUtils__/harness';
import {
  TestGitHub,
  startTestGitHub,
} from '@gitops-delivery/sandbox/testUtils';
import { entity, seeds, view } from './__testUtils__/world';

jest.setTimeout(60_000);

// #11 hole 8: promotion with an App-only `integrations.github` entry (no
// `token`): credentials through the integration's credentials provider
// (DefaultGithubCredentialsProvider -> @octokit/auth-app: JWT, installation,
// ghs_ token), against the sandbox GitHub's App flow over real HTTP. Our
// identity is then `<app-slug>[bot]`, so our PR is found again (#11 hole 3).

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

const databases = createTestDatabases();
let gh: TestGitHub;
let knex: Knex;

beforeAll(async () => {
  gh = await startTestGitHub(seeds(), {
    apps: [
      {
        id: 77,
        slug: 'delivery-promoter',
        publicKey: keys.publicKey,
        // under the provider's 10-minute margin: every lookup mints a fresh token
        tokenTtlSeconds: 300,
        installations: [{ id: 9, account: 'gitops' }],
      },
    ],
  });
  knex = await databases.init('SQLITE_3');
});
afterAll(() => gh.close());
beforeEach(() => gh.reset(seeds()));

async function appOnlyService() {
  const root = new ConfigReader({
    integrations: {
      github: [
        {
          host: new URL(gh.baseUrl).host,
          apiBaseUrl: gh.apiBaseUrl,
          apps: [
            {
              appId: 77,
              privateKey: keys.privateKey,
              clientId: 'Iv1.promoter',
              clientSecret: 'promoter-client-secret',
              webhookSecret: 'promoter-webhook-secret',
            },
          ],
        },
      ],
    },
    delivery: {
      deployJenkins: [{ name: 'deploy', baseUrl: 'http://127.0.0.1:7102' }],
      environments: [
        {
          name: 'dev',
          configRepo: `${gh.baseUrl}/gitops/config-dev`,
          branch: 'main',
          deployJob: 'deploy:deploy/config-dev',
        },
      ],
    },
  });
  const store = await DatabasePromotionStore.create({
    database: mockServices.database({ knex }),
  });
  return createPromotionService({
    config: readDeliveryConfig(root),
    integrations: ScmIntegrations.fromConfig(root),
    facts: { getView: async () => view() },
    store,
    auditor: recordingAuditor(),
    logger: mockServices.logger.mock(),
  });
}

describe('promotion with an App-only GitHub integration', () => {
  it('opens the PR as <app>[bot] with an installation token, and finds it again', async () => {
    const service = await appOnlyService();
    const first = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: 'v0.0.20',
    });
    expect(first.created).toBe(true);

    const octokit = gh.octokit;
    const pull = (
      await octokit.rest.pulls.get({
        owner: 'gitops',
        repo: 'config-dev',
        pull_number: first.number,
      })
    ).data;
    expect(pull.user).toMatchObject({
      login: 'delivery-promoter[bot]',
      type: 'Bot',
    });

    // the App flow ran; nothing went out unauthenticated or with the static token
    expect(
      gh.requests.some(r =>
        /^POST \/api\/v3\/app\/installations\/9\/access_tokens \(app jwt\)$/.test(
          r,
        ),
      ),
    ).toBe(true);
    expect(
      gh.requests.some(r => /^GET \/api\/v3\/app \(app jwt\)$/.test(r)),
    ).toBe(false);

    const again = await service.promote({
      entity,
      credentials: guest,
      environment: 'dev',
      version: '0.0.20',
    });
    expect(again).toMatchObject({ created: false, number: first.number });
    // GET /user is 403 for an installation token: the bot login came from GET /app
    expect(
      gh.requests.some(r => /^GET \/api\/v3\/app \(app jwt\)$/.test(r)),
    ).toBe(true);
  });
});
