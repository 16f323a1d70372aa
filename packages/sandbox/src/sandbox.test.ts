import { Octokit } from '@octokit/rest';
import { auth, getJson, startTestSandbox, waitFor } from './testing/sandbox';
import type { Sandbox } from './sandbox';

interface Deployment {
  metadata: { name: string; labels: Record<string, string> };
  spec: { template: { spec: { containers: Array<{ image: string }> } } };
}

let sb: Sandbox;
let octokit: Octokit;
beforeAll(async () => {
  sb = await startTestSandbox();
  octokit = new Octokit({
    baseUrl: `${sb.urls.github}/api/v3`,
    auth: 'sandbox-github-token',
  });
});
afterAll(() => sb.stop());
afterEach(async () => {
  await sb.engine.idle();
  await fetch(`${sb.urls.control}/reset`, { method: 'POST' });
});

const deployment = (ns: string, name: string) =>
  getJson<Deployment>(
    `${sb.urls.kubernetes}/apis/apps/v1/namespaces/${ns}/deployments/${name}`,
    auth.k8s,
  );
const image = (d: Deployment) =>
  d.spec.template.spec.containers[0].image.split(':').pop();
const finished = (env: string, after = 0) =>
  waitFor(() =>
    sb.engine.events
      .list(after)
      .find(e => e.type === 'deploy.finished' && e.environment === env),
  );

describe('behaviour', () => {
  it('merging the open promotion PR deploys staging and updates the cluster', async () => {
    expect(image(await deployment('staging', 'nordmart-review'))).toBe(
      '1.0.50',
    );
    const { data: pulls } = await octokit.rest.pulls.list({
      owner: 'gitops',
      repo: 'config-staging',
    });
    expect(pulls.map(p => p.head.ref)).toEqual([
      'delivery/staging/nordmart-review-1.0.51',
    ]);
    const { data: merge } = await octokit.rest.pulls.merge({
      owner: 'gitops',
      repo: 'config-staging',
      pull_number: pulls[0].number,
    });
    const event = await finished('staging');
    expect(event).toEqual(
      expect.objectContaining({ result: 'SUCCESS', sha: merge.sha }),
    );
    const d = await deployment('staging', 'nordmart-review');
    expect([
      image(d),
      d.metadata.labels.chart,
      d.metadata.labels.version,
    ]).toEqual(['1.0.51', 'nordmart-review-1.0.51', '1.0.51']);
    // the merge also deployed the pending gateway bump
    expect(image(await deployment('staging', 'gateway'))).toBe('v2.3.1');
    const run = await getJson<{
      building: boolean;
      actions: Array<{
        lastBuiltRevision?: { SHA1: string };
        remoteUrls?: string[];
      }>;
    }>(
      `${sb.urls['jenkins-deploy']}/job/deploy/job/config-staging/lastBuild/api/json`,
      auth.deploy,
    );
    const config = run.actions.filter(a => a.remoteUrls).pop()!;
    expect(config.remoteUrls).toEqual([
      `${sb.urls.github}/gitops/config-staging.git`,
    ]);
    expect(config.lastBuiltRevision!.SHA1).toBe(merge.sha);
  });

  it('a promotion PR written through the API (pin + values) deploys prod when merged', async () => {
    const owner = 'gitops';
    const repo = 'config-prod';
    const { data: main } = await octokit.rest.git.getRef({
      owner,
      repo,
      ref: 'heads/main',
    });
    await octokit.rest.git.createRef({
      owner,
      repo,
      ref: 'refs/heads/delivery/prod/xposer-v0.0.20',
      sha: main.object.sha,
    });
    for (const [path, from, to] of [
      ['Chart.yaml', 'version: 0.0.19', 'version: v0.0.20'],
      ['xposer.yaml', 'tag: v0.0.19', 'tag: v0.0.20'],
    ]) {
      const { data } = await octokit.rest.repos.getContent({
        owner,
        repo,
        path,
        ref: 'delivery/prod/xposer-v0.0.20',
      });
      const file = data as { content: string; sha: string };
      const text = Buffer.from(file.content, 'base64').toString('utf8');
      expect(text).toContain(from);
      await octokit.rest.repos.createOrUpdateFileContents({
        owner,
        repo,
        path,
        branch: 'delivery/prod/xposer-v0.0.20',
        sha: file.sha,
        message: `Promote xposer to v0.0.20 (${path})`,
        content: Buffer.from(text.replace(from, to)).toString('base64'),
      });
    }
    const { data: pr } = await octokit.rest.pulls.create({
      owner,
      repo,
      head: 'delivery/prod/xposer-v0.0.20',
      base: 'main',
      title: 'Promote xposer to v0.0.20 in prod',
    });
    const before = sb.engine.events.list().pop()?.id ?? 0;
    await octokit.rest.pulls.merge({ owner, repo, pull_number: pr.number });
    expect(await finished('prod', before)).toEqual(
      expect.objectContaining({ result: 'SUCCESS' }),
    );
    const d = await deployment('prod', 'xposer');
    expect([image(d), d.metadata.labels.chart]).toEqual([
      'v0.0.20',
      'xposer-v0.0.20',
    ]);
  });

  it('re-sync (buildWithParameters) redeploys what git says and clears drift', async () => {
    expect(image(await deployment('prod', 'nordmart-review'))).toBe('1.0.49');
    const res = await fetch(
      `${sb.urls['jenkins-deploy']}/job/deploy/job/config-prod/buildWithParameters?BRANCH=main`,
      { method: 'POST', headers: auth.deploy },
    );
    expect(res.status).toBe(201);
    expect(await finished('prod')).toEqual(
      expect.objectContaining({ result: 'SUCCESS' }),
    );
    expect(image(await deployment('prod', 'nordmart-review'))).toBe('1.0.48');
  });

  it('a failing deploy leaves the cluster alone', async () => {
    await fetch(
      `${sb.urls['jenkins-deploy']}/job/deploy/job/config-dev/build`,
      { method: 'POST', headers: auth.deploy },
    );
    expect(await finished('dev')).toEqual(
      expect.objectContaining({
        result: 'FAILURE',
        reason: expect.stringContaining('1.0.52'),
      }),
    );
    expect(image(await deployment('dev', 'nordmart-review'))).toBe('1.0.51');
  });

  it('kubectl set-image drifts the image but not the labels', async () => {
    const res = await fetch(`${sb.urls.control}/kubectl/set-image`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        namespace: 'dev',
        deployment: 'xposer',
        image: 'example.com/stakater/xposer:hotfix',
      }),
    });
    expect(res.status).toBe(200);
    const d = await deployment('dev', 'xposer');
    expect([image(d), d.metadata.labels.version]).toEqual([
      'hotfix',
      'v0.0.21',
    ]);
  });

  it('a push builds and publishes the next version', async () => {
    const res = await fetch(`${sb.urls.control}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'xposer', message: 'Fix TLS' }),
    });
    expect(res.status).toBe(201);
    const push = (await res.json()) as { sha: string; job: string };
    expect(push.job).toBe('stakater/xposer/master');
    await waitFor(() =>
      sb.engine.events.list().find(e => e.type === 'build.finished'),
    );
    const run = await getJson<{
      displayName: string;
      result: string;
      changeSets: Array<{ items: Array<{ commitId: string }> }>;
    }>(
      `${sb.urls['jenkins-code']}/job/stakater/job/xposer/job/master/lastBuild/api/json`,
      auth.code,
    );
    expect([
      run.result,
      run.displayName,
      run.changeSets[0].items[0].commitId,
    ]).toEqual(['SUCCESS', 'v0.0.22', push.sha]);
    expect(
      (
        await fetch(`${sb.urls.chartmuseum}/api/charts/xposer/v0.0.22`, {
          headers: auth.charts,
        })
      ).status,
    ).toBe(200);
    const tags = await getJson<{ tags: string[] }>(
      `${sb.urls.nexus}/repository/docker-hosted/v2/stakater/xposer/tags/list`,
      auth.nexus,
    );
    expect(tags.tags).toContain('v0.0.22');
    const { data } = await octokit.rest.repos.getContent({
      owner: 'stakater',
      repo: 'xposer',
      path: '.version',
    });
    expect(
      Buffer.from((data as { content: string }).content, 'base64').toString(),
    ).toBe('v0.0.22\n');
  });

  it('merging a code PR builds the branch and publishes the next version', async () => {
    const owner = 'stakater';
    const repo = 'gateway';
    const { data: master } = await octokit.rest.git.getRef({
      owner,
      repo,
      ref: 'heads/master',
    });
    await octokit.rest.git.createRef({
      owner,
      repo,
      ref: 'refs/heads/fix-timeouts',
      sha: master.object.sha,
    });
    await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      branch: 'fix-timeouts',
      path: 'TIMEOUTS.md',
      message: 'Raise upstream timeouts',
      content: Buffer.from('30s\n').toString('base64'),
    });
    const { data: pr } = await octokit.rest.pulls.create({
      owner,
      repo,
      head: 'fix-timeouts',
      base: 'master',
      title: 'Raise upstream timeouts',
    });
    const { data: merge } = await octokit.rest.pulls.merge({
      owner,
      repo,
      pull_number: pr.number,
    });
    const done = await waitFor(() =>
      sb.engine.events
        .list()
        .find(e => e.type === 'build.finished' && e.service === 'gateway'),
    );
    expect(done).toEqual(
      expect.objectContaining({
        result: 'SUCCESS',
        sha: merge.sha,
        version: 'v2.4.1',
      }),
    );
    const run = await getJson<{
      displayName: string;
      actions: Array<{ lastBuiltRevision?: { SHA1: string } }>;
    }>(
      `${sb.urls['jenkins-code']}/job/platform/job/gateway/lastBuild/api/json`,
      auth.code,
    );
    expect(run.displayName).toBe('v2.4.1');
    expect(
      run.actions.filter(a => a.lastBuiltRevision).pop()!.lastBuiltRevision!
        .SHA1,
    ).toBe(merge.sha);
  });

  it('reset returns to the world', async () => {
    await fetch(`${sb.urls.control}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'gateway', message: 'x' }),
    });
    await waitFor(() =>
      sb.engine.events.list().find(e => e.type === 'build.finished'),
    );
    expect(
      (
        await fetch(`${sb.urls.chartmuseum}/api/charts/gateway/v2.4.1`, {
          headers: auth.charts,
        })
      ).status,
    ).toBe(200);
    await fetch(`${sb.urls.control}/reset`, { method: 'POST' });
    expect(
      (
        await fetch(`${sb.urls.chartmuseum}/api/charts/gateway/v2.4.1`, {
          headers: auth.charts,
        })
      ).status,
    ).toBe(404);
    expect(
      await sb.engine.generation.store.headSha('stakater', 'gateway', 'master'),
    ).toBe(sb.engine.generation.store.commitSha('stakater', 'gateway', 'g05'));
  });
});
