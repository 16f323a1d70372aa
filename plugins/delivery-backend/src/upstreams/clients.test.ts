import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { readDeliveryConfig } from '../config';
import { createConfigRepoClient, UpstreamClients } from './clients';

const PEM =
  '-----BEGIN RSA PRIVATE KEY-----\nnot used before a request\n-----END RSA PRIVATE KEY-----\n';

function appConfig(github: Record<string, unknown>) {
  return new ConfigReader({
    integrations: {
      github: [
        {
          host: 'ghe.example.com',
          apiBaseUrl: 'https://ghe.example.com/api/v3',
          ...github,
        },
      ],
    },
    delivery: {
      deployJenkins: [{ name: 'deploy', baseUrl: 'https://jenkins.example' }],
      environments: [
        {
          name: 'dev',
          configRepo: 'https://ghe.example.com/gitops/config-dev',
          deployJob: 'deploy:deploy/config-dev',
        },
      ],
    },
  });
}

function devClient(github: Record<string, unknown>) {
  const root = appConfig(github);
  const [dev] = readDeliveryConfig(root).environments;
  return createConfigRepoClient(dev, ScmIntegrations.fromConfig(root));
}

describe('createConfigRepoClient', () => {
  it("uses the integration's static token", () => {
    const { target } = devClient({ token: 'ghp_static' });
    expect(target).toMatchObject({
      owner: 'gitops',
      repo: 'config-dev',
      apiBaseUrl: 'https://ghe.example.com/api/v3',
      token: 'ghp_static',
      getToken: undefined,
    });
  });

  it("mints GitHub App tokens through the integration's credentials provider", () => {
    const { target } = devClient({
      apps: [
        {
          appId: 77,
          privateKey: PEM,
          clientId: 'c',
          clientSecret: 's',
          webhookSecret: 'w',
        },
      ],
    });
    expect(target.token).toBeUndefined();
    expect(target.getToken).toBeInstanceOf(Function);
    expect(target.apps).toEqual([expect.objectContaining({ appId: 77 })]);
  });

  it('refuses a host whose integration has neither a token nor an App', () => {
    expect(() => devClient({})).toThrow(
      new InputError(
        "host 'ghe.example.com' is not a configured integrations.github entry with a token or a GitHub App",
      ),
    );
  });
});

describe('UpstreamClients.configRepoFor', () => {
  it('builds one client per environment', () => {
    const root = appConfig({ token: 'ghp_static' });
    const config = readDeliveryConfig(root);
    const clients = new UpstreamClients(config, {
      integrations: ScmIntegrations.fromConfig(root),
    });
    const [dev] = config.environments;
    expect(clients.configRepoFor(dev)).toBe(clients.configRepoFor(dev));
  });

  it('says what is missing when built without integrations', () => {
    const config = readDeliveryConfig(appConfig({ token: 'ghp_static' }));
    expect(() =>
      new UpstreamClients(config).configRepoFor(config.environments[0]),
    ).toThrow(/without options.integrations/);
  });
});
