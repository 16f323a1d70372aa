import { parse } from 'yaml';
import { createConfigAddReleaseAction } from './configAddRelease';
import { examples } from './configAddRelease.examples';
import { TEST_GITHUB_TOKEN } from '@gitops-delivery/sandbox/testUtils';
import {
  Checkpoints,
  actionContext,
  run,
} from '../__testUtils__/actionContext';
import { DEV_REQUIREMENTS, PROD_CHART } from '../__testUtils__/deliverySeeds';
import { useSandbox } from '../__testUtils__/scaffolderSandbox';

jest.setTimeout(60_000);

const BRANCH = 'delivery/scaffold/orders';
const ENTRY = (indent: string) => [
  `${indent}- name: orders`,
  `${indent}  version: v0.0.1`,
  `${indent}  repository: http://127.0.0.1:7104`,
  `${indent}  alias: orders`,
];
const VALUES = `# Values of the orders release in ENV (added by the delivery scaffolder)

orders:
  orders:
    image:
      name: 127.0.0.1:7103/stakater/orders
      tag: v0.0.1
`;

describe('delivery:config:add-release', () => {
  const sb = useSandbox();

  const input = (
    environments: string[],
    extra: Record<string, unknown> = {},
  ) => ({
    release: 'orders',
    image: '127.0.0.1:7103/stakater/orders',
    environments,
    ...extra,
  });
  const action = () =>
    createConfigAddReleaseAction({
      integrations: sb.integrations,
      config: sb.config,
    });
  const pulls = async (repo: string) =>
    (await sb.octokit.pulls.list({ owner: 'gitops', repo, state: 'all' })).data;
  const compare = async (repo: string) =>
    (
      await sb.octokit.repos.compareCommitsWithBasehead({
        owner: 'gitops',
        repo,
        basehead: `main...${BRANCH}`,
      })
    ).data;

  it('opens one pull request per environment with exactly the pin and the values file', async () => {
    const ctx = actionContext(input(['prod', 'dev']));
    await run(action(), ctx);

    const [devPr] = await pulls('config-dev');
    const [prodPr] = await pulls('config-prod');
    expect(ctx.outputs.pullRequests).toEqual([
      {
        environment: 'dev',
        url: devPr.html_url,
        number: devPr.number,
        direct: false,
      },
      {
        environment: 'prod',
        url: prodPr.html_url,
        number: prodPr.number,
        direct: false,
      },
    ]);
    expect(ctx.outputs.pullRequestUrls).toEqual({
      dev: devPr.html_url,
      prod: prodPr.html_url,
    });
    expect(ctx.outputs.summary).toContain(
      `- **dev**: [gitops/config-dev](${sb.baseUrl}/gitops/config-dev), [pull request #${devPr.number}](${devPr.html_url})`,
    );
    expect(ctx.outputs.repoUrls).toEqual({
      dev: `${sb.baseUrl}/gitops/config-dev`,
      prod: `${sb.baseUrl}/gitops/config-prod`,
    });
    expect(devPr).toMatchObject({
      state: 'open',
      head: { ref: BRANCH },
      base: { ref: 'main' },
      title: 'Add orders v0.0.1 to dev',
    });

    // dev: Helm v1 requirements.yaml, comments kept, only the new entry added
    const dev = await compare('config-dev');
    expect(dev.total_commits).toBe(1);
    expect(dev.files!.map(f => [f.filename, f.status])).toEqual([
      ['orders.yaml', 'added'],
      ['requirements.yaml', 'modified'],
    ]);
    const devReq = dev.files!.find(f => f.filename === 'requirements.yaml')!;
    expect(devReq.additions).toBe(4);
    expect(devReq.deletions).toBe(0);
    expect(devReq.patch!.split('\n').filter(l => l.startsWith('+'))).toEqual(
      ENTRY('  ').map(l => `+${l}`),
    );
    expect(
      await sb.store.readFile(
        'gitops',
        'config-dev',
        BRANCH,
        'requirements.yaml',
      ),
    ).toBe(`${DEV_REQUIREMENTS}${ENTRY('  ').join('\n')}\n`);
    expect(
      await sb.store.readFile('gitops', 'config-dev', BRANCH, 'orders.yaml'),
    ).toBe(VALUES.replace('ENV', 'dev'));

    // prod: Helm v2 Chart.yaml dependencies, comment and quotes kept
    const prod = await compare('config-prod');
    expect(prod.files!.map(f => f.filename)).toEqual([
      'Chart.yaml',
      'orders.yaml',
    ]);
    expect(
      await sb.store.readFile('gitops', 'config-prod', BRANCH, 'Chart.yaml'),
    ).toBe(`${PROD_CHART}${ENTRY('').join('\n')}\n`);
    expect(
      parse(
        (await sb.store.readFile(
          'gitops',
          'config-prod',
          BRANCH,
          'Chart.yaml',
        ))!,
      ).dependencies,
    ).toHaveLength(2);
    // the base branches are untouched
    expect(
      await sb.store.readFile(
        'gitops',
        'config-dev',
        'main',
        'requirements.yaml',
      ),
    ).toBe(DEV_REQUIREMENTS);
    expect(ctx.logs.join('\n')).not.toContain(TEST_GITHUB_TOKEN);
  });

  it('makes the first commit of an empty config repo directly', async () => {
    const ctx = actionContext(
      input(['qa'], { configOwner: 'group:default/team-xposer' }),
    );
    await run(action(), ctx);
    expect(await pulls('config-qa')).toHaveLength(0);
    const { data: log } = await sb.octokit.repos.listCommits({
      owner: 'gitops',
      repo: 'config-qa',
      sha: 'main',
    });
    expect(log).toHaveLength(1);
    expect(ctx.outputs.pullRequests).toEqual([
      {
        environment: 'qa',
        url: `${sb.baseUrl}/gitops/config-qa/commit/${log[0].sha}`,
        direct: true,
      },
    ]);
    const read = (p: string) =>
      sb.store.readFile('gitops', 'config-qa', 'main', p);
    expect(parse((await read('requirements.yaml'))!).dependencies).toEqual([
      {
        name: 'orders',
        version: 'v0.0.1',
        repository: 'http://127.0.0.1:7104',
        alias: 'orders',
      },
    ]);
    expect(parse((await read('Chart.yaml'))!)).toMatchObject({
      apiVersion: 'v1',
      name: 'config-qa',
    });
    expect(await read('orders.yaml')).toBe(VALUES.replace('ENV', 'qa'));
    expect(await read('Jenkinsfile')).toContain('pipeline {');
    expect(parse((await read('catalog-info.yaml'))!).spec).toEqual({
      type: 'gitops-config',
      owner: 'group:default/team-xposer',
    });
  });

  it.each([
    ['before', 'pull'],
    ['after', 'pull'],
    ['after', 'commit'],
  ] as const)(
    'a task crashing %s its %s checkpoint resumes without duplicates',
    async (when, step) => {
      const cp = new Checkpoints();
      cp.crash = { key: new RegExp(`^config\\.dev\\.${step}\\.`), when };
      await expect(
        run(action(), actionContext(input(['dev']), cp)),
      ).rejects.toThrow(`crash ${when}`);

      const ctx = actionContext(input(['dev']), cp);
      await run(action(), ctx);
      const prs = await pulls('config-dev');
      expect(prs).toHaveLength(1);
      expect(ctx.outputs.pullRequestUrls).toEqual({ dev: prs[0].html_url });
      expect((await compare('config-dev')).total_commits).toBe(1);

      await run(action(), actionContext(input(['dev']), cp)); // finished task re-run
      expect(await pulls('config-dev')).toHaveLength(1);
    },
  );

  it('refuses a release that is already pinned, writing nothing', async () => {
    await expect(
      run(action(), actionContext(input(['dev'], { release: 'xposer' }))),
    ).rejects.toThrow("requirements.yaml already has a dependency 'xposer'");
    expect(
      (
        await sb.octokit.git.listMatchingRefs({
          owner: 'gitops',
          repo: 'config-dev',
          ref: 'heads/delivery/',
        })
      ).data,
    ).toEqual([]);
  });

  it('refuses a branch another task left behind', async () => {
    await run(action(), actionContext(input(['dev'])));
    await expect(
      run(action(), actionContext(input(['dev']), new Checkpoints(), 'task-2')),
    ).rejects.toThrow(`gitops/config-dev already has a branch ${BRANCH}`);
    expect(await pulls('config-dev')).toHaveLength(1);
  });

  it.each([
    [
      'a missing config repo',
      input(['dev', 'staging']),
      /config repo gitops\/config-staging of staging does not exist/,
    ],
    [
      'an unknown environment',
      input(['moon']),
      /unknown environment\(s\) moon/,
    ],
    [
      'an invalid release name',
      input(['dev'], { release: 'Orders!' }),
      /release 'Orders!' is not DNS-safe/,
    ],
    [
      'a YAML-injecting version',
      input(['dev'], { version: '1.0.0\nkind: x' }),
      /is not a chart version/,
    ],
    [
      'a bad image',
      input(['dev'], { image: 'x y' }),
      /is not an image repository/,
    ],
  ])('rejects %s before writing anything', async (_what, bad, error) => {
    const repos = sb.repoCount();
    await expect(run(action(), actionContext(bad))).rejects.toThrow(error);
    expect(sb.repoCount()).toBe(repos);
    expect(await pulls('config-dev')).toHaveLength(0);
  });

  it('dry-runs: edits in memory, surfaces conflicts, writes nothing', async () => {
    const ctx = Object.assign(actionContext(input(['dev', 'qa'])), {
      isDryRun: true,
    });
    await run(action(), ctx);
    expect(ctx.outputs.pullRequests).toEqual([
      {
        environment: 'dev',
        url: `${sb.baseUrl}/gitops/config-dev/compare/main...${BRANCH}`,
        direct: false,
      },
      {
        environment: 'qa',
        url: `${sb.baseUrl}/gitops/config-qa`,
        direct: true,
      },
    ]);
    const conflict = Object.assign(
      actionContext(input(['dev'], { release: 'xposer' })),
      { isDryRun: true },
    );
    await expect(run(action(), conflict)).rejects.toThrow(
      /already has a dependency 'xposer'/,
    );
    expect(await pulls('config-dev')).toHaveLength(0);
    expect(
      (
        await sb.octokit.git.listMatchingRefs({
          owner: 'gitops',
          repo: 'config-dev',
          ref: 'heads/delivery/',
        })
      ).data,
    ).toEqual([]);
    expect(
      await sb.store.headSha('gitops', 'config-qa', 'main'),
    ).toBeUndefined();
  });

  describe('examples', () => {
    it.each(examples.map(e => [e.description, e] as const))(
      '%s',
      async (_d, example) => {
        const step = parse(example.example).steps[0];
        const ctx = actionContext(step.input);
        await run(action(), ctx);
        const results = ctx.outputs.pullRequests as Array<{
          environment: string;
          url: string;
        }>;
        expect(results.map(r => r.environment)).toEqual(
          ['dev', 'qa', 'prod', 'staging'].filter(e =>
            step.input.environments.includes(e),
          ),
        );
        const alias = step.input.release;
        const head = `delivery/scaffold/${alias}`;
        const req = parse(
          (await sb.store.readFile(
            'gitops',
            'config-dev',
            head,
            'requirements.yaml',
          ))!,
        );
        expect(req.dependencies.at(-1)).toEqual({
          name: step.input.chart ?? alias,
          version: step.input.version,
          repository: 'http://127.0.0.1:7104',
          alias,
        });
        const values = parse(
          (await sb.store.readFile(
            'gitops',
            'config-dev',
            head,
            `${alias}.yaml`,
          ))!,
        );
        expect(values[alias][step.input.chart ?? alias].image.tag).toBe(
          step.input.version,
        );
      },
    );
  });
});
