import { parse } from 'yaml';
import { createCodeRepoCreateAction } from './codeRepoCreate';
import { examples } from './codeRepoCreate.examples';
import { codeRepoFiles } from '../layout/codeRepo';
import { groovyBracesBalanced } from '../lang/groovy';
import { TEST_GITHUB_TOKEN } from '@gitops-delivery/sandbox/testUtils';
import {
  Checkpoints,
  actionContext,
  run,
} from '../__testUtils__/actionContext';
import { useSandbox } from '../__testUtils__/scaffolderSandbox';

jest.setTimeout(60_000);

describe('delivery:code-repo:create', () => {
  const sb = useSandbox();

  const input = (name = 'orders', extra: Record<string, unknown> = {}) => ({
    repoUrl: `${sb.host}?owner=stakater&repo=${name}`,
    owner: 'group:default/team-xposer',
    description: 'Takes orders',
    language: 'go',
    environments: ['dev', 'prod'],
    ...extra,
  });
  const action = () =>
    createCodeRepoCreateAction({
      integrations: sb.integrations,
      config: sb.config,
    });
  const tree = async (repo: string, ref = 'main') => {
    const { data } = await sb.octokit.git.getTree({
      owner: 'stakater',
      repo,
      tree_sha: ref,
      recursive: 'true',
    });
    return data.tree
      .filter(e => e.type === 'blob')
      .map(e => e.path!)
      .sort();
  };
  const commits = async (repo: string) =>
    (
      await sb.octokit.repos.listCommits({
        owner: 'stakater',
        repo,
        sha: 'main',
      })
    ).data;

  it('creates the repo with the Xposer layout in one commit', async () => {
    const ctx = actionContext(input());
    await run(action(), ctx);

    const repoUrl = `${sb.baseUrl}/stakater/orders`;
    expect(ctx.outputs).toEqual({
      repoUrl,
      catalogInfoUrl: `${repoUrl}/blob/main/catalog-info.yaml`,
      commitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
      image: '127.0.0.1:7103/stakater/orders',
      chart: 'orders',
      release: 'orders',
      entityRef: 'component:default/orders',
      codeJob: 'code:stakater/orders/main',
    });
    const log = await commits('orders');
    expect(log).toHaveLength(1);
    expect(log[0].sha).toBe(ctx.outputs.commitSha);
    expect(log[0].commit.message).toContain('Backstage-Task: task-1');

    const expected = codeRepoFiles({
      name: 'orders',
      owner: 'stakater',
      host: sb.host,
      repoHtmlUrl: repoUrl,
      description: 'Takes orders',
      language: 'go',
      componentOwner: 'group:default/team-xposer',
      defaultBranch: 'main',
      dockerRegistry: '127.0.0.1:7103',
      chartRepositoryUrl: 'http://127.0.0.1:7104',
      codeJenkinsInstance: 'code',
      environments: ['dev', 'prod'],
      initialVersion: 'v0.0.0',
      port: 8080,
    });
    expect(await tree('orders')).toEqual(Object.keys(expected).sort());
    expect(await tree('orders')).toEqual(
      expect.arrayContaining([
        'build/package/Dockerfile',
        'Makefile',
        'Jenkinsfile',
        '.version',
        'catalog-info.yaml',
        'deployments/kubernetes/chart/orders/Chart.yaml',
        'deployments/kubernetes/chart/orders/values.yaml',
        'deployments/kubernetes/chart/orders/templates/deployment.yaml',
        'deployments/kubernetes/chart/orders/templates/service.yaml',
        'deployments/kubernetes/chart/orders/templates/configmap.yaml',
        'deployments/kubernetes/chart/orders/templates/_helpers.tpl',
        'deployments/kubernetes/manifests/deployment.yaml',
      ]),
    );
    for (const [path, content] of Object.entries(expected)) {
      expect(await sb.store.readFile('stakater', 'orders', 'main', path)).toBe(
        content,
      );
    }
    const read = (p: string) =>
      sb.store.readFile('stakater', 'orders', 'main', p);
    const chart = parse(
      (await read('deployments/kubernetes/chart/orders/Chart.yaml'))!,
    );
    expect(chart).toMatchObject({
      apiVersion: 'v1',
      name: 'orders',
      version: 'v0.0.0',
    });
    expect(
      parse((await read('deployments/kubernetes/chart/orders/values.yaml'))!)
        .orders.image.name,
    ).toBe('127.0.0.1:7103/stakater/orders');
    expect(groovyBracesBalanced((await read('Jenkinsfile'))!)).toBe(true);
    expect(
      parse((await read('catalog-info.yaml'))!).metadata.annotations,
    ).toMatchObject({
      'delivery/code-job': 'code:stakater/orders/main',
      'delivery/image': 'stakater/orders',
      'delivery/chart': 'orders',
      'delivery/release': 'orders',
      'delivery/environments': 'dev,prod',
    });
    expect(ctx.logs.join('\n')).not.toContain(TEST_GITHUB_TOKEN);
  });

  it('resumes a task that crashed before committing, creating nothing twice', async () => {
    const cp = new Checkpoints();
    cp.crash = { key: /^code-repo\.commit\./, when: 'before' };
    await expect(run(action(), actionContext(input(), cp))).rejects.toThrow(
      'crash before',
    );
    const repos = sb.repoCount();
    expect(await tree('orders').catch(() => [])).toEqual([]);

    const ctx = actionContext(input(), cp);
    await run(action(), ctx);
    expect(sb.repoCount()).toBe(repos);
    expect(await commits('orders')).toHaveLength(1);
  });

  it('adopts its own commit when it crashed before saving the checkpoint', async () => {
    const cp = new Checkpoints();
    cp.crash = { key: /^code-repo\.commit\./, when: 'after' };
    await expect(run(action(), actionContext(input(), cp))).rejects.toThrow(
      'crash after',
    );
    const first = (await commits('orders'))[0].sha;

    const ctx = actionContext(input(), cp);
    await run(action(), ctx);
    expect(ctx.outputs.commitSha).toBe(first);
    expect(await commits('orders')).toHaveLength(1);

    // a finished task re-run (all checkpoints saved) changes nothing either
    await run(action(), actionContext(input(), cp));
    expect(await commits('orders')).toHaveLength(1);
  });

  it('refuses an existing repo that another task (or a person) created', async () => {
    const repos = sb.repoCount();
    await expect(run(action(), actionContext(input('xposer')))).rejects.toThrow(
      'repository stakater/xposer already exists',
    );
    expect(sb.repoCount()).toBe(repos);
    expect(
      (
        await sb.octokit.repos.listCommits({
          owner: 'stakater',
          repo: 'xposer',
        })
      ).data,
    ).toHaveLength(1);

    await run(action(), actionContext(input()));
    await expect(
      run(action(), actionContext(input(), new Checkpoints(), 'task-2')),
    ).rejects.toThrow('repository stakater/orders already exists');
  });

  it.each([
    [
      'a disallowed owner',
      { repoUrl: '__HOST__?owner=evil&repo=orders' },
      /owner 'evil' is not allowed/,
    ],
    [
      'an unknown host',
      { repoUrl: 'github.example.com?owner=stakater&repo=orders' },
      /host 'github.example.com' is not a configured integrations.github entry/,
    ],
    [
      'github.com without a token',
      { repoUrl: 'github.com?owner=stakater&repo=orders' },
      /host 'github.com' is not a configured/,
    ],
    [
      'an invalid name',
      { repoUrl: '__HOST__?owner=stakater&repo=Orders_Service' },
      /repository name 'Orders_Service' is not DNS-safe/,
    ],
    [
      'a too long name',
      { repoUrl: `__HOST__?owner=stakater&repo=${'a'.repeat(64)}` },
      /is not DNS-safe/,
    ],
    [
      'a multi-line description',
      { description: 'a\nkind: Secret' },
      /description must be a single line/,
    ],
    [
      'an unknown environment',
      { environments: ['dev', 'moon'] },
      /unknown environment\(s\) moon; configured in delivery.environments: dev, qa, prod, staging/,
    ],
    [
      'a bad owner ref',
      { owner: 'group:default/x\ny' },
      /is not an entity ref/,
    ],
    [
      'a bad language',
      { language: 'cobol' },
      /language 'cobol' is not one of go, node/,
    ],
  ])('rejects %s before creating anything', async (_what, extra, error) => {
    const repos = sb.repoCount();
    const overrides = Object.fromEntries(
      Object.entries(extra).map(([k, v]) => [
        k,
        typeof v === 'string' ? v.replace('__HOST__', sb.host) : v,
      ]),
    );
    const ctx = actionContext(input('orders', overrides));
    await expect(run(action(), ctx)).rejects.toThrow(error);
    expect(sb.repoCount()).toBe(repos);
  });

  it('keeps injection attempts in the description as data', async () => {
    const description = `x: 1 {{ .Values.x }} \${{ secrets.token }} "'#`;
    await run(action(), actionContext(input('orders', { description })));
    const read = (p: string) =>
      sb.store.readFile('stakater', 'orders', 'main', p);
    expect(parse((await read('catalog-info.yaml'))!).metadata.description).toBe(
      description,
    );
    expect(
      parse((await read('deployments/kubernetes/chart/orders/Chart.yaml'))!)
        .description,
    ).toBe(description);
    expect(
      await read(
        'deployments/kubernetes/chart/orders/templates/deployment.yaml',
      ),
    ).not.toContain('.Values.x');
  });

  it('dry-runs: validates and checks existence, creates nothing', async () => {
    const repos = sb.repoCount();
    const ctx = Object.assign(actionContext(input()), { isDryRun: true });
    await run(action(), ctx);
    expect(ctx.outputs).toMatchObject({
      repoUrl: `${sb.baseUrl}/stakater/orders`,
      commitSha: 'dry-run',
      image: '127.0.0.1:7103/stakater/orders',
    });
    const existing = Object.assign(actionContext(input('xposer')), {
      isDryRun: true,
    });
    await expect(run(action(), existing)).rejects.toThrow(/already exists/);
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
        const branch = stepInput.defaultBranch ?? 'main';
        const repo = parseRepo(stepInput.repoUrl);
        expect(ctx.outputs.repoUrl).toBe(`${sb.baseUrl}/stakater/${repo}`);
        const { data } = await sb.octokit.repos.listCommits({
          owner: 'stakater',
          repo,
          sha: branch,
        });
        expect(data).toHaveLength(1);
        expect(
          await sb.store.readFile('stakater', repo, branch, 'Jenkinsfile'),
        ).toContain(`RELEASE_BRANCH = '${branch}'`);
      },
    );
  });
});

function parseRepo(location: string): string {
  return location.includes('repo=')
    ? location.split('repo=')[1]
    : location.split('/').pop()!;
}
