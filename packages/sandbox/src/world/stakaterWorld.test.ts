import { Octokit } from '@octokit/rest';
import Jenkins from 'jenkins';
import { parse } from 'yaml';
import { sandboxCredentials, type Sandbox } from '../sandbox';
import { auth, getJson, startTestSandbox, waitFor } from '../testing/sandbox';

/** The README table "what the stakater world shows", checked against the live sandbox. */
const table: Array<
  [
    release: string,
    env: string,
    pinned: string,
    lastRun: string,
    running: string,
    label: string,
    status: string,
  ]
> = [
  ['inventory', 'dev', '0.3.4', 'FAILURE', '0.3.4', '0.3.4', 'in-sync'],
  [
    'inventory',
    'staging',
    '0.3.4',
    'SUCCESS',
    '0.3.3',
    '0.3.3',
    'pending-deploy',
  ],
  ['inventory', 'prod', '0.3.1', 'SUCCESS', '0.3.1', '0.3.1', 'in-sync'],
  ['storefront', 'dev', '1.4.3', 'FAILURE', '1.4.2', '1.4.2', 'deploy-failed'],
  ['storefront', 'staging', '1.4.1', 'SUCCESS', '1.4.1', '1.4.1', 'in-sync'],
  ['storefront', 'prod', '1.4.0', 'SUCCESS', '1.4.1', '1.4.0', 'drifted'],
  ['edge-public', 'dev', '2.2.0', 'FAILURE', '2.2.0', '2.2.0', 'in-sync'],
  ['edge-public', 'staging', '2.1.1', 'SUCCESS', '2.1.1', '2.1.1', 'in-sync'],
  ['edge-public', 'prod', '2.1.1', 'SUCCESS', '2.1.1', '2.1.1', 'in-sync'],
  ['edge-internal', 'dev', '2.2.0', 'FAILURE', '2.2.0', '2.2.0', 'in-sync'],
  ['edge-internal', 'staging', '2.1.1', 'SUCCESS', '2.1.1', '2.1.1', 'in-sync'],
  ['edge-internal', 'prod', '2.1.0', 'SUCCESS', '2.1.0', '2.1.0', 'in-sync'],
];

interface Run {
  result: string | null;
  displayName: string;
  description: string | null;
  actions: Array<{
    _class?: string;
    lastBuiltRevision?: { SHA1: string };
    remoteUrls?: string[];
    parameters?: Array<{ name: string; value: unknown }>;
  }>;
  changeSets: Array<{
    items: Array<{ commitId: string; msg: string; authorEmail: string }>;
  }>;
}
interface Deployment {
  metadata: { labels: Record<string, string> };
  spec: { template: { spec: { containers: Array<{ image: string }> } } };
}

let sb: Sandbox;
let octokit: Octokit;
let jenkins: { code: Jenkins; deploy: Jenkins };
beforeAll(async () => {
  sb = await startTestSandbox({ world: 'stakater' });
  octokit = new Octokit({
    baseUrl: `${sb.urls.github}/api/v3`,
    auth: sandboxCredentials.githubToken,
  });
  const client = (url: string, c: { username: string; password: string }) =>
    new Jenkins({
      baseUrl: url.replace('http://', `http://${c.username}:${c.password}@`),
      crumbIssuer: false,
    });
  jenkins = {
    code: client(sb.urls['jenkins-code'], sandboxCredentials.codeJenkins),
    deploy: client(sb.urls['jenkins-deploy'], sandboxCredentials.deployJenkins),
  };
});
afterAll(() => sb.stop());

const run = (j: Jenkins, job: string, n: number | string) =>
  j.build.get(job, n as number) as Promise<Run>;
const builtRevision = (r: Run) =>
  r.actions.filter(a => a.lastBuiltRevision).pop()!.lastBuiltRevision!.SHA1;
const sha = (repo: string, id: string) =>
  sb.engine.generation.store.commitSha(
    repo.startsWith('config-') ? 'gitops' : 'stakater',
    repo,
    id,
  )!;
const file = async (owner: string, repo: string, path: string, ref?: string) =>
  (
    await octokit.repos.getContent({
      owner,
      repo,
      path,
      ref,
      mediaType: { format: 'raw' },
    })
  ).data as unknown as string;
const nexus = (path: string, init: RequestInit = {}) =>
  fetch(`${sb.urls.nexus}/repository/docker-hosted/v2/${path}`, {
    ...init,
    headers: auth.nexus,
  });
async function imageConfig(image: string, tag: string) {
  const m = await nexus(`${image}/manifests/${tag}`);
  const digest = m.headers.get('docker-content-digest');
  const { config } = (await m.json()) as { config: { digest: string } };
  const blob = await (await nexus(`${image}/blobs/${config.digest}`)).json();
  return {
    digest,
    labels: (blob as { config: { Labels: Record<string, string> } }).config
      .Labels,
  };
}

describe('the stakater world', () => {
  it.each(table)(
    '%s in %s',
    async (release, env, pinned, lastResult, running, label, status) => {
      const e = sb.engine.world.environments.find(x => x.name === env)!;
      const pinsText = await file(
        'gitops',
        `config-${env}`,
        e.format === 'chart' ? 'Chart.yaml' : 'requirements.yaml',
      );
      const deps = (
        parse(pinsText) as {
          dependencies: Array<{ alias: string; version: string }>;
        }
      ).dependencies;
      expect(deps.find(d => d.alias === release)!.version).toBe(pinned);
      const last = await run(
        jenkins.deploy,
        `deploy/config-${env}`,
        'lastBuild',
      );
      expect(last.result).toBe(lastResult);
      const d = await getJson<Deployment>(
        `${sb.urls.kubernetes}/apis/apps/v1/namespaces/${env}/deployments/${release}`,
        auth.k8s,
      );
      const tag = d.spec.template.spec.containers[0].image.split(':').pop();
      expect([tag, d.metadata.labels.version]).toEqual([running, label]);
      // The README's rules, applied to what the upstreams answer.
      const head = (
        await octokit.repos.getBranch({
          owner: 'gitops',
          repo: `config-${env}`,
          branch: 'main',
        })
      ).data.commit.sha;
      let derived = 'in-sync';
      if (tag !== label) derived = 'drifted';
      else if (tag !== pinned)
        derived =
          builtRevision(last) !== head ? 'pending-deploy' : 'deploy-failed';
      expect(derived).toBe(status);
    },
  );

  it('names released runs #N and checks out the built commit over SSH after the library', async () => {
    const r = await run(jenkins.code, 'stakater/inventory/master', 10);
    expect(r.displayName).toBe('#10');
    expect(r.description).toBeNull();
    const params = r.actions.find(a => a.parameters)!.parameters!;
    expect(params).toEqual([
      expect.objectContaining({ name: 'RELEASE', value: true }),
    ]);
    const remotes = r.actions.filter(a => a.remoteUrls).map(a => a.remoteUrls);
    expect(remotes).toEqual([
      ['https://github.com/stakater/fabric8-pipeline-library.git'],
      ['git@git.sandbox.internal:stakater/inventory.git'],
    ]);
    expect(builtRevision(r)).toBe(sha('inventory', 'i06'));
    // The changeSet starts after #9's built commit, so it holds #9's bump commit.
    const items = r.changeSets.flatMap(c => c.items);
    expect(items.map(i => i.msg)).toEqual([
      'Bump Version to 0.3.3',
      'Filter stock by warehouse',
    ]);
    expect(items[0].authorEmail).toBe('stakater@gmail.com');
    const deploy = await run(jenkins.deploy, 'deploy/config-prod', 2);
    expect(deploy.actions.filter(a => a.remoteUrls).pop()!.remoteUrls).toEqual([
      'git@git.sandbox.internal:gitops/config-prod.git',
    ]);
  });

  it('tags each release on its bump commit, the built commit as parent', async () => {
    const repo = { owner: 'stakater', repo: 'inventory' };
    const tags = await octokit.repos.listTags(repo);
    expect(tags.data.map(t => t.name)).toEqual([
      '0.3.4',
      '0.3.3',
      '0.3.2',
      '0.3.1',
      '0.3.0',
    ]);
    const ref = await octokit.git.getRef({ ...repo, ref: 'tags/0.3.4' });
    expect(ref.data.object.type).toBe('tag');
    const tag = await octokit.git.getTag({
      ...repo,
      tag_sha: ref.data.object.sha,
    });
    const bump = await octokit.git.getCommit({
      ...repo,
      commit_sha: tag.data.object.sha,
    });
    expect(tags.data[0].commit.sha).toBe(bump.data.sha);
    expect(bump.data.message).toBe('Bump Version to 0.3.4');
    expect(bump.data.author.email).toBe('stakater@gmail.com');
    expect(bump.data.parents.map(p => p.sha)).toEqual([
      sha('inventory', 'i06'),
    ]);
    expect(await file('stakater', 'inventory', '.version', '0.3.4')).toBe(
      '0.3.4\n',
    );
  });

  it('labels images with the built commit; latest is the newest release in Nexus and ChartMuseum', async () => {
    const newest = await imageConfig('stakater/inventory', '0.3.4');
    expect(newest.labels).toEqual({
      'org.opencontainers.image.created': expect.any(String),
      'org.opencontainers.image.revision': sha('inventory', 'i06'),
      'org.opencontainers.image.source': `${sb.urls.github}/stakater/inventory`,
      'org.opencontainers.image.version': '0.3.4',
    });
    const latest = await imageConfig('stakater/inventory', 'latest');
    expect(latest.digest).toBe(newest.digest);
    const search = await getJson<{ items: Array<{ version: string }> }>(
      `${sb.urls.nexus}/service/rest/v1/search?docker.imageName=stakater/inventory`,
      auth.nexus,
    );
    expect(search.items.map(i => i.version)).toContain('latest');
    const charts = await getJson<Array<{ version: string }>>(
      `${sb.urls.chartmuseum}/api/charts/inventory`,
      auth.charts,
    );
    expect(charts.map(c => c.version)).toEqual([
      '0.3.4',
      '0.3.3',
      '0.3.2',
      '0.3.1',
      '0.3.0',
      'latest',
    ]);
    const chartLatest = await getJson<{ version: string }>(
      `${sb.urls.chartmuseum}/api/charts/inventory/latest`,
      auth.charts,
    );
    expect(chartLatest.version).toBe('0.3.4');
  });

  it('has artifacts-only versions whose labels name a commit of the repo', async () => {
    const old = await imageConfig('stakater/inventory', '0.3.1');
    const revision = old.labels['org.opencontainers.image.revision'];
    expect(revision).toBe(sha('inventory', 'i02'));
    const commit = await octokit.repos.getCommit({
      owner: 'stakater',
      repo: 'inventory',
      ref: revision,
    });
    expect(commit.data.commit.message).toBe('Reserve stock on checkout');
    const job = (await jenkins.code.job.get('stakater/inventory/master')) as {
      builds: Array<{ number: number }>;
    };
    expect(Math.min(...job.builds.map(b => b.number))).toBe(7);
  });

  it('pins quoted in prod with comments, one chart under two aliases', async () => {
    const chart = await file('gitops', 'config-prod', 'Chart.yaml');
    expect(chart).toContain('    version: "0.3.1"');
    expect(chart).toContain('  # edge-internal: ');
    for (const alias of ['edge-public', 'edge-internal'])
      expect(
        parse(await file('gitops', 'config-prod', `${alias}.yaml`)),
      ).toMatchObject({
        [alias]: { edge: { image: { tag: expect.any(String) } } },
      });
    const pulls = await octokit.pulls.list({
      owner: 'gitops',
      repo: 'config-staging',
    });
    expect(pulls.data.map(p => p.head.ref)).toEqual([
      'delivery/staging/storefront-1.4.2',
    ]);
  });

  it('re-syncs over SSH too, and a push releases the Stakater way', async () => {
    const res = await fetch(
      `${sb.urls['jenkins-deploy']}/job/deploy/job/config-staging/buildWithParameters?BRANCH=main`,
      { method: 'POST', headers: auth.deploy },
    );
    expect(res.status).toBe(201);
    const { sha: pushed } = await sb.engine.push(
      'inventory',
      'Add a health check',
    );
    await sb.engine.idle();
    const resync = await run(jenkins.deploy, 'deploy/config-staging', 3);
    expect(resync.actions.filter(a => a.remoteUrls).pop()!.remoteUrls).toEqual([
      'git@git.sandbox.internal:gitops/config-staging.git',
    ]);
    const build = await waitFor(async () => {
      const r = await run(
        jenkins.code,
        'stakater/inventory/master',
        'lastBuild',
      );
      return r.result ? r : undefined;
    });
    expect(build.displayName).toBe('#11');
    expect(builtRevision(build)).toBe(pushed);
    const released = await imageConfig('stakater/inventory', '0.3.5');
    expect(released.labels['org.opencontainers.image.revision']).toBe(pushed);
    expect((await imageConfig('stakater/inventory', 'latest')).digest).toBe(
      released.digest,
    );
    const tag = await octokit.git.getRef({
      owner: 'stakater',
      repo: 'inventory',
      ref: 'tags/0.3.5',
    });
    expect(tag.data.object.type).toBe('tag');
    await fetch(`${sb.urls.control}/reset`, { method: 'POST' });
  });
});
