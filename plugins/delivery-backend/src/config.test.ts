import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { parse } from 'yaml';
import { readDeliveryConfig } from './config';
import { repoFile } from './__testUtils__/server';

const base = () => ({
  integrations: {
    github: [
      {
        host: '127.0.0.1:7105',
        apiBaseUrl: 'http://127.0.0.1:7105/api/v3',
        token: 'sandbox-github-token',
      },
    ],
  },
  delivery: {
    codeJenkins: [
      {
        name: 'code',
        baseUrl: 'http://127.0.0.1:7101',
        username: 'code-ci',
        apiToken: 't',
      },
    ],
    deployJenkins: [
      {
        name: 'deploy',
        baseUrl: 'http://127.0.0.1:7102',
        username: 'deploy-ci',
        apiToken: 't',
      },
    ],
    nexus: [
      {
        name: 'default',
        baseUrl: 'http://127.0.0.1:7103',
        repository: 'docker-hosted',
      },
    ],
    chartMuseum: [{ name: 'default', baseUrl: 'http://127.0.0.1:7104' }],
    environments: [
      {
        name: 'dev',
        configRepo: 'http://127.0.0.1:7105/gitops/config-dev',
        deployJob: 'deploy:deploy/config-dev',
        cluster: { url: 'http://127.0.0.1:7106', token: 'k', namespace: 'dev' },
        gates: { requireImage: false },
      },
      {
        name: 'prod',
        promotesFrom: 'dev',
        configRepo: 'http://127.0.0.1:7105/gitops/config-prod.git',
        requirementsPath: 'Chart.yaml',
        valuesPath: 'values/{release}.yaml',
        deployJob: 'deploy/config-prod',
      },
    ],
  } as Record<string, unknown>,
});

function read(mutate?: (c: ReturnType<typeof base>) => void) {
  const c = base();
  mutate?.(c);
  return readDeliveryConfig(new ConfigReader(c as unknown as JsonObject));
}

describe('readDeliveryConfig', () => {
  it('reads the team contract with defaults', () => {
    const config = read();
    expect(config.cacheTtlSeconds).toBe(30);
    expect(config.versionFrom.map(s => s.kind)).toEqual([
      'displayName',
      'gitTag',
      'commitMessage',
      'imageLabel',
    ]);
    expect(config.movingTags).toEqual(['latest', 'stable', 'edge']);
    expect(config.hostAliases.size).toBe(0);
    expect(config.codeJenkins[0]).toMatchObject({
      name: 'code',
      timeoutMs: 10000,
    });
    const [dev, prod] = config.environments;
    expect(dev).toMatchObject({
      owner: 'gitops',
      repo: 'config-dev',
      branch: 'main',
      requirementsPath: 'requirements.yaml',
      deployJob: { instance: 'deploy', job: 'deploy/config-dev' },
      apiBaseUrl: 'http://127.0.0.1:7105/api/v3',
      htmlBaseUrl: 'http://127.0.0.1:7105',
      repoHtmlUrl: 'http://127.0.0.1:7105/gitops/config-dev',
      token: 'sandbox-github-token',
      cluster: { namespace: 'dev', timeoutMs: 10000 },
      gates: {
        requireChart: true,
        requireImage: false,
        requireRunningInPrevious: true,
      },
    });
    expect(dev.valuesPath('xposer')).toBe('xposer.yaml');
    expect(prod).toMatchObject({
      repo: 'config-prod',
      promotesFrom: 'dev',
      requirementsPath: 'Chart.yaml',
    });
    expect(prod.deployJob).toEqual({
      instance: 'deploy',
      job: 'deploy/config-prod',
    });
    expect(prod.valuesPath('xposer')).toBe('values/xposer.yaml');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.environments[0])).toBe(true);
  });

  it('works without a delivery block', () => {
    const config = readDeliveryConfig(new ConfigReader({}));
    expect(config.environments).toEqual([]);
  });

  it.each([
    [
      (c: ReturnType<typeof base>) => {
        (
          c.delivery.environments as Array<Record<string, unknown>>
        )[1].promotesFrom = 'qa';
      },
      'delivery.environments[1].promotesFrom: "qa" is not an earlier environment',
    ],
    [
      (c: ReturnType<typeof base>) => {
        (
          c.delivery.environments as Array<Record<string, unknown>>
        )[0].deployJob = 'code:deploy/x';
      },
      'delivery.environments[0].deployJob',
    ],
    [
      (c: ReturnType<typeof base>) => {
        (
          c.delivery.environments as Array<Record<string, unknown>>
        )[0].configRepo = 'https://gitlab.example.com/a/b';
      },
      'delivery.environments[0].configRepo: no integrations.github entry',
    ],
    [
      (c: ReturnType<typeof base>) => {
        c.delivery.versionFrom = 'tag';
      },
      'delivery.versionFrom: "tag" is not a version strategy',
    ],
    [
      (c: ReturnType<typeof base>) => {
        (c.delivery as Record<string, unknown>).versionFrom = [
          'gitTag',
          'commitMessage:no-group',
        ];
      },
      'delivery.versionFrom: commitMessage pattern must have exactly one capture group',
    ],
    [
      (c: ReturnType<typeof base>) => {
        (c.delivery as Record<string, unknown>).hostAliases = [
          { host: 'unknown.example.com', aliases: ['ghe-ssh'] },
        ];
      },
      'delivery.hostAliases[0].host: "unknown.example.com" is not the host of an integrations.github entry',
    ],
    [
      (c: ReturnType<typeof base>) => {
        (c.delivery as Record<string, unknown>).hostAliases = [
          { host: '127.0.0.1:7105', aliases: ['not a host!'] },
        ];
      },
      'delivery.hostAliases[0].aliases: "not a host!" is not a hostname',
    ],
    [
      (c: ReturnType<typeof base>) => {
        (c.delivery.codeJenkins as Array<Record<string, unknown>>)[0].baseUrl =
          'ftp://x';
      },
      'delivery.codeJenkins[0].baseUrl',
    ],
    [
      (c: ReturnType<typeof base>) => {
        (
          c.delivery.environments as Array<Record<string, unknown>>
        )[1].requirementsPath = '../x';
      },
      'delivery.environments[1].requirementsPath',
    ],
  ])('names the bad key (%#)', (mutate, message) => {
    expect(() => read(mutate)).toThrow(message);
  });

  it("reads the repository's app-config.yaml (the team contract)", () => {
    const text = repoFile('app-config.yaml').replace(
      /\$\{[A-Z0-9_]+:-([^}]*)\}/g,
      (_m, fallback: string) => fallback,
    );
    const config = readDeliveryConfig(new ConfigReader(parse(text)));
    expect(config.environments.map(e => [e.name, e.requirementsPath])).toEqual([
      ['dev', 'requirements.yaml'],
      ['staging', 'requirements.yaml'],
      ['prod', 'Chart.yaml'],
    ]);
    expect(config.environments[2]).toMatchObject({
      promotesFrom: 'staging',
      apiBaseUrl: 'http://127.0.0.1:7105/api/v3',
      deployJob: { instance: 'deploy', job: 'deploy/config-prod' },
    });
  });
});

describe('readDeliveryConfig: version strategies and host aliases', () => {
  it('reads a list of strategies and host aliases of an integration', () => {
    const c = base();
    (c.delivery as Record<string, unknown>).versionFrom = [
      'gitTag',
      'parameter:VERSION',
      'file:.version',
    ];
    (c.delivery as Record<string, unknown>).hostAliases = [
      { host: '127.0.0.1:7105', aliases: ['GHE-SSH', 'git.example.internal'] },
    ];
    (c.delivery as Record<string, unknown>).movingTags = ['latest', 'nightly'];
    const config = readDeliveryConfig(
      new ConfigReader(c as unknown as JsonObject),
    );
    expect(config.versionFrom).toEqual([
      { kind: 'gitTag' },
      { kind: 'parameter', name: 'VERSION' },
      { kind: 'file', path: '.version' },
    ]);
    expect([...config.hostAliases]).toEqual([
      ['ghe-ssh', '127.0.0.1:7105'],
      ['git.example.internal', '127.0.0.1:7105'],
    ]);
    expect(config.movingTags).toEqual(['latest', 'nightly']);
    // ScmIntegrations always adds github.com.
    expect(config.githubHosts.map(h => h.host)).toEqual([
      '127.0.0.1:7105',
      'github.com',
    ]);
  });
});
