import { ConfigReader, type JsonObject } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import { resolveConfigRepoTarget } from './resolveConfigRepoTarget';

const integrations = (github: JsonObject[]) =>
  ScmIntegrations.fromConfig(new ConfigReader({ integrations: { github } }));

describe('resolveConfigRepoTarget', () => {
  const location = { host: 'ghe.example.com', owner: 'gitops', repo: 'dev' };

  it('binds a repository to its integration with the static token', () => {
    const resolved = resolveConfigRepoTarget(
      integrations([
        {
          host: 'ghe.example.com',
          apiBaseUrl: 'https://ghe.example.com/api/v3/',
          token: 't0ken',
        },
      ]),
      location,
      { timeoutMs: 1234 },
    );
    expect(resolved.htmlUrl).toBe('https://ghe.example.com/gitops/dev');
    expect(resolved.target).toMatchObject({
      owner: 'gitops',
      repo: 'dev',
      apiBaseUrl: 'https://ghe.example.com/api/v3',
      token: 't0ken',
      timeoutMs: 1234,
    });
    expect(resolved.target.getToken).toBeUndefined();
  });

  it('keeps the API scheme for the web URL of a GitHub Enterprise on http', () => {
    const resolved = resolveConfigRepoTarget(
      integrations([
        {
          host: '127.0.0.1:7105',
          apiBaseUrl: 'http://127.0.0.1:7105/api/v3',
          token: 't',
        },
      ]),
      { host: '127.0.0.1:7105', owner: 'o', repo: 'r' },
      { timeoutMs: 1 },
    );
    expect(resolved.htmlUrl).toBe('http://127.0.0.1:7105/o/r');
  });

  it('with only a GitHub App, tokens come from the credentials provider per request', () => {
    const resolved = resolveConfigRepoTarget(
      integrations([
        {
          host: 'ghe.example.com',
          apiBaseUrl: 'https://ghe.example.com/api/v3',
          apps: [
            {
              appId: 1,
              privateKey: 'key',
              clientId: 'c',
              clientSecret: 's',
              webhookSecret: 'w',
            },
          ],
        },
      ]),
      location,
      { timeoutMs: 1 },
    );
    expect(resolved.target.token).toBeUndefined();
    expect(typeof resolved.target.getToken).toBe('function');
    expect(resolved.target.apps).toHaveLength(1);
  });

  it('refuses a host without an integration, or one without credentials', () => {
    expect(() =>
      resolveConfigRepoTarget(integrations([]), location, { timeoutMs: 1 }),
    ).toThrow(
      new InputError(
        "host 'ghe.example.com' is not a configured integrations.github entry with a token or a GitHub App",
      ),
    );
    expect(() =>
      resolveConfigRepoTarget(
        integrations([{ host: 'ghe.example.com' }]),
        location,
        { timeoutMs: 1 },
      ),
    ).toThrow(InputError);
  });
});
