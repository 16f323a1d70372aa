import { generateKeyPairSync } from 'crypto';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createCodeRepoCreateAction } from '../actions/codeRepoCreate';
import { createConfigAddReleaseAction } from '../actions/configAddRelease';
import {
  startTestGitHub,
  type TestGitHub,
} from '@gitops-delivery/sandbox/testUtils';
import { actionContext, run } from '../__testUtils__/actionContext';
import { seeds } from '../__testUtils__/deliverySeeds';

jest.setTimeout(60_000);

// #11 hole 8: with an App-only `integrations.github` entry (no `token`) the
// scaffolder's GitHub calls authenticate through the integration's
// credentials provider (@backstage/integration's
// DefaultGithubCredentialsProvider: JWT -> installation -> ghs_ token),
// against the sandbox GitHub's App flow over real HTTP.

const keys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

let github: TestGitHub;
let config: ConfigReader;
/** `METHOD /raw/url scheme` of every request. */
const requests = () =>
  github.seen.map(r => `${r.method} ${r.url} ${r.authScheme}`);

beforeAll(async () => {
  github = await startTestGitHub(seeds(), {
    apps: [
      {
        id: 4242,
        slug: 'delivery-scaffolder',
        publicKey: keys.publicKey,
        tokenTtlSeconds: 900,
        installations: [
          { id: 1, account: 'stakater' },
          { id: 2, account: 'gitops' },
        ],
      },
    ],
  });
  const { host, baseUrl, apiBaseUrl } = github;
  config = new ConfigReader({
    integrations: {
      github: [
        {
          host,
          apiBaseUrl,
          apps: [
            {
              appId: 4242,
              privateKey: keys.privateKey,
              clientId: 'Iv1.delivery',
              clientSecret: 'app-client-secret',
              webhookSecret: 'app-webhook-secret',
            },
          ],
        },
      ],
    },
    delivery: {
      scaffolder: {
        allowedOwners: ['stakater', 'gitops'],
        dockerRegistry: '127.0.0.1:7103',
        chartRepositoryUrl: 'http://127.0.0.1:7104',
      },
      environments: [
        {
          name: 'dev',
          configRepo: `${baseUrl}/gitops/config-dev`,
          branch: 'main',
          deployJob: 'deploy:deploy/config-dev',
        },
      ],
    },
  });
});
afterAll(() => github.close());

describe('the scaffolder with an App-only GitHub integration', () => {
  it('creates the code repository with an installation token', async () => {
    const integrations = ScmIntegrations.fromConfig(config);
    const action = createCodeRepoCreateAction({ integrations, config });
    const host = new URL(
      String(
        config.getConfigArray('integrations.github')[0].getString('apiBaseUrl'),
      ),
    ).host;
    const ctx = actionContext({
      repoUrl: `${host}?owner=stakater&repo=orders`,
      owner: 'group:default/team-xposer',
      description: 'Takes orders',
      language: 'go',
    });
    await run(action, ctx);
    expect(await github.store.defaultBranch('stakater', 'orders')).toBe('main');
    // the App flow ran, and every repository call carried the installation token
    expect(
      requests().some(r =>
        /^POST \/api\/v3\/app\/installations\/1\/access_tokens bearer$/i.test(
          r,
        ),
      ),
    ).toBe(true);
    const repoCalls = requests().filter(r =>
      /\/(orgs|repos)\/stakater/.test(r),
    );
    expect(repoCalls.length).toBeGreaterThan(0);
    expect(repoCalls.filter(r => !r.endsWith(' token'))).toEqual([]);
  });

  it('opens the config-repo pull request as <app>[bot]', async () => {
    const integrations = ScmIntegrations.fromConfig(config);
    const action = createConfigAddReleaseAction({ integrations, config });
    const ctx = actionContext({
      release: 'orders',
      image: '127.0.0.1:7103/stakater/orders',
      environments: ['dev'],
    });
    await run(action, ctx);
    const [pull] = (
      await github.octokit.pulls.list({
        owner: 'gitops',
        repo: 'config-dev',
        state: 'open',
      })
    ).data;
    expect(pull.user).toMatchObject({
      login: 'delivery-scaffolder[bot]',
      type: 'Bot',
    });
  });
});
