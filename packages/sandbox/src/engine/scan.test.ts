import { Octokit } from '@octokit/rest';
import { parseDocument } from 'yaml';
import { auth, getJson, startTestSandbox, waitFor } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';

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

const chartYaml = (name: string) =>
  `apiVersion: v1\nname: ${name}\ndescription: ${name} chart\nversion: v0.0.0\n`;

/** The scaffolder's code-repo layout (trimmed): one root commit through the git data API. */
function layout(name: string): Record<string, string> {
  return {
    Jenkinsfile:
      "@Library('github.com/stakater/fabric8-pipeline-library@master')\n",
    '.version': 'v0.0.0\n',
    [`deployments/kubernetes/chart/${name}/Chart.yaml`]: chartYaml(name),
    'catalog-info.yaml': `metadata:\n  name: ${name}\n`,
  };
}

async function commitLayout(
  owner: string,
  repo: string,
  branch: string,
  files: Record<string, string>,
): Promise<string> {
  const tree = [];
  for (const [path, content] of Object.entries(files)) {
    const { data: blob } = await octokit.rest.git.createBlob({
      owner,
      repo,
      content,
      encoding: 'utf-8',
    });
    tree.push({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      sha: blob.sha,
    });
  }
  const { data: t } = await octokit.rest.git.createTree({ owner, repo, tree });
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: `Scaffold ${repo}`,
    tree: t.sha,
    parents: [],
  });
  await octokit.rest.git.createRef({
    owner,
    repo,
    ref: `refs/heads/${branch}`,
    sha: commit.sha,
  });
  return commit.sha;
}

const jobStatus = async (path: string) =>
  (
    await fetch(`${sb.urls['jenkins-code']}/${path}/api/json`, {
      headers: auth.code,
    })
  ).status;
const built = (service: string) =>
  waitFor(() =>
    sb.engine.events
      .list()
      .find(e => e.type === 'build.finished' && e.service === service),
  );

interface Run {
  result: string;
  displayName: string;
  actions: Array<{
    _class?: string;
    causes?: Array<{ _class: string }>;
    lastBuiltRevision?: { SHA1: string };
  }>;
  changeSets: Array<{
    items: Array<{ commitId: string; affectedPaths: string[] }>;
  }>;
}

describe('org folder scan', () => {
  it('a new repo with a Jenkinsfile gets a job whose first build publishes image and chart', async () => {
    await octokit.rest.repos.createInOrg({ org: 'stakater', name: 'billing' });
    const sha = await commitLayout(
      'stakater',
      'billing',
      'master',
      layout('billing'),
    );
    const { data: repo } = await octokit.rest.repos.get({
      owner: 'stakater',
      repo: 'billing',
    });
    expect(repo.default_branch).toBe('master'); // the first pushed branch, like GitHub
    await waitFor(async () =>
      (await jobStatus('job/stakater/job/billing/job/master')) === 200
        ? true
        : undefined,
    );
    const project = await getJson<{
      _class: string;
      jobs: Array<{ name: string }>;
    }>(
      `${sb.urls['jenkins-code']}/job/stakater/job/billing/api/json`,
      auth.code,
    );
    expect(project._class).toBe(
      'org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject',
    );
    expect(project.jobs.map(j => j.name)).toEqual(['master']);
    expect(await built('billing')).toEqual(
      expect.objectContaining({ result: 'SUCCESS', sha, version: 'v0.0.1' }),
    );
    const run = await getJson<Run>(
      `${sb.urls['jenkins-code']}/job/stakater/job/billing/job/master/lastBuild/api/json`,
      auth.code,
    );
    expect([run.result, run.displayName]).toEqual(['SUCCESS', 'v0.0.1']);
    expect(run.actions.find(a => a.causes)!.causes![0]._class).toBe(
      'jenkins.branch.BranchIndexingCause',
    );
    const revisions = run.actions.filter(a => a.lastBuiltRevision);
    expect(revisions.map(a => a.lastBuiltRevision!.SHA1).pop()).toBe(sha);
    expect(run.changeSets[0].items[0].commitId).toBe(sha);
    expect(run.changeSets[0].items[0].affectedPaths).toContain('Jenkinsfile');

    const tags = await getJson<{ tags: string[] }>(
      `${sb.urls.nexus}/repository/docker-hosted/v2/stakater/billing/tags/list`,
      auth.nexus,
    );
    expect(tags.tags).toEqual(['v0.0.1']);
    const chart = await fetch(
      `${sb.urls.chartmuseum}/api/charts/billing/v0.0.1`,
      {
        headers: auth.charts,
      },
    );
    expect(chart.status).toBe(200);
    const { data: head } = await octokit.rest.repos.getCommit({
      owner: 'stakater',
      repo: 'billing',
      ref: 'master',
    });
    expect(head.commit.message).toBe('Bump Version to v0.0.1');

    // a config PR pinning the new chart deploys it (a new Deployment)
    const owner = 'gitops';
    const cfg = 'config-staging';
    const { data: main } = await octokit.rest.git.getRef({
      owner,
      repo: cfg,
      ref: 'heads/main',
    });
    const branch = 'delivery/staging/billing-v0.0.1';
    await octokit.rest.git.createRef({
      owner,
      repo: cfg,
      ref: `refs/heads/${branch}`,
      sha: main.object.sha,
    });
    const { data: file } = await octokit.rest.repos.getContent({
      owner,
      repo: cfg,
      path: 'requirements.yaml',
    });
    const doc = parseDocument(
      Buffer.from((file as { content: string }).content, 'base64').toString(
        'utf8',
      ),
    );
    doc.addIn(['dependencies'], {
      name: 'billing',
      version: 'v0.0.1',
      repository: sb.urls.chartmuseum,
    });
    await octokit.rest.repos.createOrUpdateFileContents({
      owner,
      repo: cfg,
      path: 'requirements.yaml',
      branch,
      sha: (file as { sha: string }).sha,
      message: 'Add billing v0.0.1',
      content: Buffer.from(doc.toString()).toString('base64'),
    });
    const { data: pr } = await octokit.rest.pulls.create({
      owner,
      repo: cfg,
      head: branch,
      base: 'main',
      title: 'Add billing',
    });
    await octokit.rest.pulls.merge({
      owner,
      repo: cfg,
      pull_number: pr.number,
    });
    const deployed = await waitFor(() =>
      sb.engine.events
        .list()
        .find(e => e.type === 'deploy.finished' && e.environment === 'staging'),
    );
    expect(deployed).toEqual(expect.objectContaining({ result: 'SUCCESS' }));
    const d = await getJson<{
      metadata: { labels: Record<string, string> };
      spec: { template: { spec: { containers: Array<{ image: string }> } } };
    }>(
      `${sb.urls.kubernetes}/apis/apps/v1/namespaces/staging/deployments/billing`,
      auth.k8s,
    );
    expect(d.metadata.labels.chart).toBe('billing-v0.0.1');
    expect(d.spec.template.spec.containers[0].image).toMatch(
      /\/stakater\/billing:v0\.0\.1$/,
    );
  });

  it('a repo without a Jenkinsfile, or outside the scanned orgs, gets no job', async () => {
    await octokit.rest.repos.createInOrg({
      org: 'stakater',
      name: 'docs',
      auto_init: true,
    });
    await octokit.rest.repos.createInOrg({ org: 'gitops', name: 'tool' });
    await commitLayout('gitops', 'tool', 'main', layout('tool'));
    await new Promise(r => setTimeout(r, 200));
    await sb.engine.idle();
    expect(await jobStatus('job/stakater/job/docs')).toBe(404);
    expect(await jobStatus('job/gitops')).toBe(404);
    expect(
      sb.engine.events.list().filter(e => e.type === 'scan.job-created'),
    ).toEqual([]);
  });

  it('a repo generated from a template is scanned; reset removes its job and artifacts', async () => {
    await octokit.rest.repos.createInOrg({
      org: 'gitops',
      name: 'service-template',
      is_template: true,
    });
    await commitLayout('gitops', 'service-template', 'main', layout('svc'));
    await octokit.rest.repos.createUsingTemplate({
      template_owner: 'gitops',
      template_repo: 'service-template',
      owner: 'stakater',
      name: 'svc',
    });
    expect(await built('svc')).toEqual(
      expect.objectContaining({ result: 'SUCCESS', version: 'v0.0.1' }),
    );
    expect(await jobStatus('job/stakater/job/svc/job/main')).toBe(200);
    await sb.engine.idle();
    await fetch(`${sb.urls.control}/reset`, { method: 'POST' });
    expect(await jobStatus('job/stakater/job/svc')).toBe(404);
    expect(await jobStatus('job/stakater/job/xposer/job/master')).toBe(200);
    const chart = await fetch(`${sb.urls.chartmuseum}/api/charts/svc`, {
      headers: auth.charts,
    });
    expect(chart.status).toBe(404);
    await expect(
      octokit.rest.repos.get({ owner: 'stakater', repo: 'svc' }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
