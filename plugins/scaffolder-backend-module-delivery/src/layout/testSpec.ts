import { CodeRepoSpec } from './types';

/** A fully populated spec for tests. */
export function testSpec(overrides: Partial<CodeRepoSpec> = {}): CodeRepoSpec {
  return {
    name: 'my-service',
    owner: 'stakater',
    host: '127.0.0.1:7105',
    repoHtmlUrl: 'http://127.0.0.1:7105/stakater/my-service',
    description: 'My service',
    language: 'go',
    componentOwner: 'group:default/team-xposer',
    defaultBranch: 'main',
    dockerRegistry: '127.0.0.1:7103',
    chartRepositoryUrl: 'http://127.0.0.1:7104',
    codeJenkinsInstance: 'code',
    environments: ['dev', 'staging'],
    initialVersion: 'v0.0.0',
    port: 8080,
    ...overrides,
  };
}
