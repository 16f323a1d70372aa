import { parse } from 'yaml';
import { loadDefaultWorld, worldToSeeds } from '@gitops-delivery/sandbox';
import { createCodeRepoCreateAction } from './actions/codeRepoCreate';
import { createConfigAddReleaseAction } from './actions/configAddRelease';
import { actionContext, run } from './__testUtils__/actionContext';
import { Sandbox, startSandbox } from './__testUtils__/scaffolderSandbox';

jest.setTimeout(60_000);

/** The actions against the demo's default sandbox world (its real config repo files). */
describe('against the default sandbox world', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    const seeds = worldToSeeds(loadDefaultWorld(), {
      chartRepoUrl: 'http://127.0.0.1:7104',
      registryHost: '127.0.0.1:7103',
    });
    sb = await startSandbox(seeds);
  });
  afterEach(() => sb.close());

  it('adds a new service to dev, staging and prod as pure insertions', async () => {
    const options = { integrations: sb.integrations, config: sb.config };
    const code = actionContext({
      repoUrl: `${sb.host}?owner=stakater&repo=orders`,
      owner: 'group:default/team-xposer',
      language: 'node',
      environments: ['dev', 'staging', 'prod'],
    });
    await run(createCodeRepoCreateAction(options), code);
    const ctx = actionContext({
      release: code.outputs.release,
      chart: code.outputs.chart,
      image: code.outputs.image,
      environments: ['dev', 'staging', 'prod'],
    });
    await run(createConfigAddReleaseAction(options), ctx);

    for (const [env, file] of [
      ['dev', 'requirements.yaml'],
      ['staging', 'requirements.yaml'],
      ['prod', 'Chart.yaml'],
    ]) {
      const repo = `config-${env}`;
      const before = (await sb.store.readFile('gitops', repo, 'main', file))!;
      const after = (await sb.store.readFile(
        'gitops',
        repo,
        'delivery/scaffold/orders',
        file,
      ))!;
      const oldLines = before.split('\n');
      const newLines = after.split('\n');
      const added = newLines.filter(
        (_l, i) => i >= oldLines.length - 1 && i < newLines.length - 1,
      );
      expect({ env, start: after.slice(0, before.length) }).toEqual({
        env,
        start: before,
      });
      expect(added.map(l => l.trim())).toEqual([
        '- name: orders',
        'version: v0.0.1',
        'repository: http://127.0.0.1:7104',
        'alias: orders',
      ]);
      const deps = parse(after).dependencies;
      expect(deps.at(-1)).toEqual({
        name: 'orders',
        version: 'v0.0.1',
        repository: 'http://127.0.0.1:7104',
        alias: 'orders',
      });
      expect(deps.length).toBe(parse(before).dependencies.length + 1);
    }
    expect(Object.keys(ctx.outputs.pullRequestUrls as object).sort()).toEqual([
      'dev',
      'prod',
      'staging',
    ]);
  });
});
