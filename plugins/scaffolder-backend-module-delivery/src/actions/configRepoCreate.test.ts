import { parse } from 'yaml';
import { createConfigRepoCreateAction } from './configRepoCreate';
import { examples } from './configRepoCreate.examples';
import { groovyBracesBalanced } from '../lang/groovy';
import { TEST_GITHUB_TOKEN } from '@gitops-delivery/sandbox/testUtils';
import {
  Checkpoints,
  actionContext,
  run,
} from '../__testUtils__/actionContext';
import { useSandbox } from '../__testUtils__/scaffolderSandbox';

jest.setTimeout(60_000);

describe('delivery:config-repo:create', () => {
  const sb = useSandbox();

  const input = (extra: Record<string, unknown> = {}) => ({
    repoUrl: `${sb.host}?owner=gitops&repo=config-perf`,
    environment: 'perf',
    owner: 'group:default/team-xposer',
    ...extra,
  });
  const action = () =>
    createConfigRepoCreateAction({
      integrations: sb.integrations,
      config: sb.config,
    });
  const files = async (repo: string) => {
    const { data } = await sb.octokit.git.getTree({
      owner: 'gitops',
      repo,
      tree_sha: 'main',
      recursive: 'true',
    });
    return data.tree.map(e => e.path).sort();
  };
  const commits = async (repo: string) =>
    (await sb.octokit.repos.listCommits({ owner: 'gitops', repo, sha: 'main' }))
      .data;

  it('creates the umbrella chart repo in one commit', async () => {
    const ctx = actionContext(input());
    await run(action(), ctx);
    const url = `${sb.baseUrl}/gitops/config-perf`;
    expect(ctx.outputs).toEqual({
      repoUrl: url,
      catalogInfoUrl: `${url}/blob/main/catalog-info.yaml`,
      commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(await files('config-perf')).toEqual([
      'Chart.yaml',
      'Jenkinsfile',
      'catalog-info.yaml',
      'requirements.yaml',
      'values.yaml',
    ]);
    expect((await commits('config-perf')).map(c => c.sha)).toEqual([
      ctx.outputs.commitSha,
    ]);
    const read = async (p: string) =>
      (await sb.store.readFile('gitops', 'config-perf', 'main', p))!;
    expect(parse(await read('Chart.yaml'))).toMatchObject({
      apiVersion: 'v1',
      name: 'config-perf',
      version: '0.1.0',
    });
    expect(parse(await read('requirements.yaml'))).toEqual({
      dependencies: [],
    });
    expect(parse(await read('catalog-info.yaml'))).toMatchObject({
      kind: 'Resource',
      metadata: { name: 'config-perf' },
      spec: { type: 'gitops-config', owner: 'group:default/team-xposer' },
    });
    expect(groovyBracesBalanced(await read('Jenkinsfile'))).toBe(true);
    expect(ctx.logs.join('\n')).not.toContain(TEST_GITHUB_TOKEN);
  });

  it('resumes a crashed task without creating anything twice', async () => {
    const cp = new Checkpoints();
    cp.crash = { key: /^config-repo\.commit\./, when: 'after' };
    await expect(run(action(), actionContext(input(), cp))).rejects.toThrow(
      'crash after',
    );
    const repos = sb.repoCount();
    await run(action(), actionContext(input(), cp));
    expect(sb.repoCount()).toBe(repos);
    expect(await commits('config-perf')).toHaveLength(1);
  });

  it.each([
    [
      'an existing repo',
      { repoUrl: '__HOST__?owner=gitops&repo=config-dev' },
      /repository gitops\/config-dev already exists/,
    ],
    [
      'a disallowed owner',
      { repoUrl: '__HOST__?owner=someone&repo=config-perf' },
      /owner 'someone' is not allowed/,
    ],
    [
      'an unknown host',
      { repoUrl: 'https://ghe.example.com/gitops/config-perf' },
      /host 'ghe.example.com' is not a configured/,
    ],
    [
      'an invalid name',
      { repoUrl: '__HOST__?owner=gitops&repo=config.perf' },
      /is not DNS-safe/,
    ],
    [
      'an invalid namespace',
      { namespace: 'Perf Env' },
      /namespace 'Perf Env' is not DNS-safe/,
    ],
  ])('rejects %s, creating nothing', async (_what, extra, error) => {
    const repos = sb.repoCount();
    const patched = Object.fromEntries(
      Object.entries(extra).map(([k, v]) => [
        k,
        v.replace('__HOST__', sb.host),
      ]),
    );
    await expect(run(action(), actionContext(input(patched)))).rejects.toThrow(
      error,
    );
    expect(sb.repoCount()).toBe(repos);
  });

  it('dry-runs without creating anything', async () => {
    const repos = sb.repoCount();
    const ctx = Object.assign(actionContext(input()), { isDryRun: true });
    await run(action(), ctx);
    expect(ctx.outputs.repoUrl).toBe(`${sb.baseUrl}/gitops/config-perf`);
    expect(ctx.outputs.commitSha).toBe('dry-run');
    expect(sb.repoCount()).toBe(repos);
  });

  describe('examples', () => {
    it.each(examples.map(e => [e.description, e] as const))(
      '%s',
      async (_d, example) => {
        const step = parse(example.example).steps[0];
        const stepInput = {
          ...step.input,
          repoUrl: step.input.repoUrl.replace('127.0.0.1:7105', sb.host),
        };
        const ctx = actionContext(stepInput);
        await run(action(), ctx);
        const repo = String(ctx.outputs.repoUrl).split('/').pop()!;
        expect(await commits(repo)).toHaveLength(1);
        const chart = parse(
          (await sb.store.readFile('gitops', repo, 'main', 'Chart.yaml'))!,
        );
        expect(chart.apiVersion).toBe(
          stepInput.requirementsPath === 'Chart.yaml' ? 'v2' : 'v1',
        );
        expect(
          await sb.store.readFile('gitops', repo, 'main', 'Jenkinsfile'),
        ).toContain(
          `NAMESPACE = '${stepInput.namespace ?? stepInput.environment}'`,
        );
      },
    );
  });
});
