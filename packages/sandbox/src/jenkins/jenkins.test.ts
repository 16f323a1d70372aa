import Jenkins from 'jenkins';
import { readJsonFixture } from '../testing/fixtures';
import { shapeDiff } from '../testing/shape';
import { auth, getJson, startTestSandbox, waitFor } from '../testing/sandbox';
import { sandboxCredentials, type Sandbox } from '../sandbox';

interface Run {
  number: number;
  result: string | null;
  building: boolean;
  displayName: string;
  actions: Array<{
    _class?: string;
    lastBuiltRevision?: { SHA1: string };
    remoteUrls?: string[];
    parameters?: Array<{ name: string; value: unknown }>;
  }>;
  changeSets: Array<{ items: Array<{ commitId: string; msg: string }> }>;
}

type JobGet = (opts: {
  name: string;
  tree?: string;
  depth?: number;
}) => Promise<{ builds: Array<{ number: number }>; fullName: string }>;

let sb: Sandbox;
let code: string;
let deploy: string;
beforeAll(async () => {
  sb = await startTestSandbox();
  code = sb.urls['jenkins-code'];
  deploy = sb.urls['jenkins-deploy'];
});
afterAll(() => sb.stop());

const client = (url: string, c: { username: string; password: string }) =>
  new Jenkins({
    baseUrl: url.replace('http://', `http://${c.username}:${c.password}@`),
    crumbIssuer: false,
  });

describe('Jenkins contract (shapes of the real samples)', () => {
  it('serves WorkflowRuns shaped like the real one, with several BuildData', async () => {
    const run = await getJson<Run>(
      `${code}/job/stakater/job/xposer/job/master/15/api/json`,
      auth.code,
    );
    const real = readJsonFixture(
      'jenkins/workflowrun-nested-folders-multi-builddata-upstream-params.json',
    ) as Run;
    expect(
      shapeDiff(real, run, {
        ignore: ['actions', 'changeSets'],
        nullable: ['nextBuild'],
      }),
    ).toEqual([]);
    const buildDatas = (r: Run) =>
      r.actions.filter(a => a._class === 'hudson.plugins.git.util.BuildData');
    expect(
      shapeDiff(buildDatas(real)[0], buildDatas(run)[0], {
        ignore: ['buildsByBranchName'],
      }),
    ).toEqual([]);
    const byBranch = (b: object) =>
      Object.values(
        (b as { buildsByBranchName: Record<string, unknown> })
          .buildsByBranchName,
      )[0];
    expect(
      shapeDiff(byBranch(buildDatas(real)[0]), byBranch(buildDatas(run)[0])),
    ).toEqual([]);
    expect(shapeDiff(real.changeSets, run.changeSets)).toEqual([]);
    expect(buildDatas(run).map(b => b.remoteUrls![0])).toEqual([
      'https://github.com/stakater/fabric8-pipeline-library.git',
      `${sb.urls.github}/stakater/xposer.git`,
    ]);
    const sha = await sb.engine.generation.store.headSha(
      'stakater',
      'xposer',
      'master',
    );
    const last = await getJson<Run>(
      `${code}/job/stakater/job/xposer/job/master/lastBuild/api/json`,
      auth.code,
    );
    expect(buildDatas(last)[1].lastBuiltRevision!.SHA1).toBe(sha);
    expect(run.displayName).toBe('v0.0.20');
    const failed = await getJson<Run>(
      `${code}/job/stakater/job/xposer/job/master/14/api/json`,
      auth.code,
    );
    expect([failed.result, failed.displayName]).toEqual(['FAILURE', '#14']);
  });

  it('serves runs shaped like the jenkins-rest build-info sample', async () => {
    const run = await getJson(
      `${code}/job/stakater/job/xposer/job/master/16/api/json`,
      auth.code,
    );
    const real = readJsonFixture(
      'jenkins/jenkins-rest-build-info-git-commit.json',
    );
    // builtOn / artifacts details belong to freestyle builds on agents; WorkflowRuns have neither.
    expect(
      shapeDiff(real, run, { ignore: ['actions', 'builtOn', 'artifacts'] }),
    ).toEqual([]);
  });

  it('serves jobs, folders, queue and crumb like the samples', async () => {
    const job = await getJson(
      `${code}/job/stakater/job/xposer/job/master/api/json`,
      auth.code,
    );
    expect(
      shapeDiff(readJsonFixture('jenkins/jenkins-rest-job-info.json'), job, {
        ignore: [
          'actions',
          'property',
          'queueItem',
          'scm',
          'downstreamProjects',
          'upstreamProjects',
        ],
      }),
    ).toEqual([]);
    const folder = await getJson<{ _class: string }>(
      `${code}/job/stakater/api/json`,
      auth.code,
    );
    expect(
      shapeDiff(
        readJsonFixture('jenkins/jenkins-rest-jobsInJenkinsFolder.json'),
        folder,
      ),
    ).toEqual([]);
    const mb = await getJson<{ _class: string; jobs: Array<{ name: string }> }>(
      `${code}/job/stakater/job/xposer/api/json`,
      auth.code,
    );
    expect(mb._class).toBe(
      'org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject',
    );
    expect(mb.jobs.map(j => j.name)).toEqual(['master', 'feature%2Fx']);
    const crumb = await getJson(`${code}/crumbIssuer/api/json`, auth.code);
    expect(
      shapeDiff(readJsonFixture('jenkins/crumbIssuer-api-json.json'), crumb),
    ).toEqual([]);
    const queue = await getJson(`${code}/queue/api/json`, auth.code);
    expect(shapeDiff({ discoverableItems: [], items: [] }, queue)).toEqual([]);
    const describe = await getJson(
      `${code}/job/stakater/job/xposer/job/master/14/wfapi/describe`,
      auth.code,
    );
    expect(
      shapeDiff(
        readJsonFixture('jenkins/jenkins-rest-workflow.json'),
        describe,
        { ignore: ['pendingInputActions'] },
      ),
    ).toEqual([]);
  });

  it('answers 401 with WWW-Authenticate and rejects the other instance credentials', async () => {
    const none = await fetch(`${code}/api/json`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    expect(
      (await fetch(`${code}/api/json`, { headers: auth.deploy })).status,
    ).toBe(401);
    expect(
      (await fetch(`${deploy}/api/json`, { headers: auth.code })).status,
    ).toBe(401);
    expect(
      (await fetch(`${deploy}/api/json`, { headers: auth.deploy })).status,
    ).toBe(200);
  });
});

describe('Jenkins with the real `jenkins` client', () => {
  const jc = () => client(code, sandboxCredentials.codeJenkins);

  it('job.get with tree and a {0,5} range, branch jobs by their Jenkins full name', async () => {
    const j = jc();
    const get = j.job.get.bind(j.job) as unknown as JobGet;
    const job = await get({
      name: 'stakater/xposer/master',
      tree: 'fullName,builds[number]{0,5}',
    });
    expect(job.builds.map(b => b.number)).toEqual([16, 15, 14, 13, 12]);
    const branch = await get({
      name: 'stakater/xposer/feature%2Fx',
      tree: 'fullName',
    });
    expect(branch.fullName).toBe('stakater/xposer/feature%2Fx');
  });

  it('build.get returns the run', async () => {
    const run = (await jc().build.get('stakater/xposer/master', 16)) as Run;
    expect(run.displayName).toBe('v0.0.21');
    expect(run.changeSets[0].items[0].msg).toBe('Add forecastle annotations');
  });

  it('job.build with parameters returns a queue id that becomes executable', async () => {
    const dj = client(deploy, sandboxCredentials.deployJenkins);
    const id = (await dj.job.build({
      name: 'deploy/config-dev',
      parameters: { BRANCH: 'main' },
    })) as number;
    expect(typeof id).toBe('number');
    const item = await waitFor(async () => {
      const q = (await dj.queue.item(id)) as {
        executable?: { number: number; url: string };
      };
      return q.executable ? q : undefined;
    });
    expect(
      shapeDiff(
        readJsonFixture('jenkins/jenkins-rest-queueItemRunning.json'),
        item,
      ),
    ).toEqual([]);
    expect(item.executable!.url).toBe(
      `${deploy}/job/deploy/job/config-dev/${item.executable!.number}/`,
    );
    const run = await waitFor(async () => {
      const r = (await dj.build.get(
        'deploy/config-dev',
        item.executable!.number,
      )) as Run;
      return r.building ? undefined : r;
    });
    expect(run.result).toBe('FAILURE'); // dev pins nordmart-review 1.0.52, which the world fails
    expect(run.actions.find(a => a.parameters)?.parameters).toEqual([
      {
        _class: 'hudson.model.StringParameterValue',
        name: 'BRANCH',
        value: 'main',
      },
      {
        _class: 'hudson.model.BooleanParameterValue',
        name: 'DRY_RUN',
        value: false,
      },
    ]);
  });

  it('POST buildWithParameters answers 201 with a queue Location', async () => {
    const res = await fetch(
      `${deploy}/job/deploy/job/config-prod/buildWithParameters?BRANCH=main`,
      { method: 'POST', headers: auth.deploy },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(
      new RegExp(`^${deploy}/queue/item/\\d+/$`),
    );
    await sb.engine.idle();
  });
});
