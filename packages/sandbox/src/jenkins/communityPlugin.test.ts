import Jenkins from 'jenkins';
import { auth, startTestSandbox, waitFor } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';

/*
 * The requests of the community Jenkins backend (`@backstage-community/plugin-jenkins-backend`,
 * `JenkinsApiImpl`), replayed through the `jenkins` npm client as it calls it. Tree specs copied
 * (whitespace stripped, as the plugin sends them) from backstage/community-plugins
 * `workspaces/jenkins/plugins/jenkins-backend/src/service/jenkinsApi.ts`
 * @ 8e126f8ec0061dba874713dea582e8c25ec0437e; `{0,50}` is its default `projectCountLimit`.
 */
const lastBuildTreeSpec =
  'lastBuild[number,url,fullDisplayName,displayName,building,result,timestamp,duration,actions[*[*[*[*]]]]],';
const jobTreeSpec = `actions[*],${lastBuildTreeSpec}jobs{0,1},url,name,fullName,displayName,fullDisplayName,inQueue`;
const limitedJobsTreeSpec = `jobs[${jobTreeSpec}]{0,50}`;
const limitedStandaloneJobTreeSpec = `${jobTreeSpec}{0,50}`;
const jobBuildsTreeSpec =
  'name,description,url,fullName,displayName,fullDisplayName,inQueue,builds[*]';

interface Action {
  _class?: string;
  buildsByBranchName?: Record<string, { revision: Revision }>;
  lastBuiltRevision?: Revision;
}
interface Revision {
  SHA1: string;
  branch: Array<{ SHA1: string; name: string }>;
}
interface Build {
  number: number;
  url: string;
  building: boolean;
  result: string | null;
  actions: Action[];
}
interface Project {
  name: string;
  fullName: string;
  inQueue: boolean;
  actions: Action[];
  jobs?: Project[];
  lastBuild: Build | null;
}

/** What `JenkinsApiImpl.augmentBuild` reads of each BuildData (it throws if a field is missing). */
function pluginSource(build: Build) {
  return build.actions
    .filter(a => a?._class === 'hudson.plugins.git.util.BuildData')
    .map(a => {
      const [first] = Object.values(a.buildsByBranchName!);
      const branch = first.revision.branch[0];
      return { branchName: branch.name, hash: branch.SHA1.substring(0, 8) };
    })
    .pop();
}

let sb: Sandbox;
let code: string;
let client: {
  job: {
    get(o: { name: string; tree?: string; depth?: number }): Promise<unknown>;
  };
  build: { get(name: string, n: number): Promise<unknown> };
};
beforeAll(async () => {
  sb = await startTestSandbox();
  code = sb.urls['jenkins-code'];
  // As JenkinsApiImpl.getClient: headers for auth, the package's options form of job.get.
  client = new Jenkins({
    baseUrl: code,
    headers: auth.code,
    crumbIssuer: false,
  }) as unknown as typeof client;
});
afterAll(() => sb.stop());

describe('community Jenkins plugin requests (JenkinsApiImpl) against the code Jenkins', () => {
  it('getProjects of a multibranch project: every branch job with its last build', async () => {
    const project = (await client.job.get({
      name: 'stakater/xposer',
      tree: limitedJobsTreeSpec,
    })) as Project;
    expect(project.jobs!.map(j => j.name)).toEqual(['master', 'feature%2Fx']);
    const master = project.jobs![0];
    expect(master).toMatchObject({
      fullName: 'stakater/xposer/master',
      inQueue: false,
      actions: expect.any(Array),
    });
    expect(master).not.toHaveProperty('jobs');
    const last = master.lastBuild!;
    expect(last).toMatchObject({ number: 16, building: false });
    expect(last.result).toEqual(expect.any(String));
    // `*[*[*[*]]]` reaches the branch entries of every BuildData.
    const data = last.actions.filter(
      a => a._class === 'hudson.plugins.git.util.BuildData',
    );
    expect(data).toHaveLength(2);
    for (const d of data) {
      expect(d.lastBuiltRevision!.branch[0]).toEqual({
        SHA1: d.lastBuiltRevision!.SHA1,
        name: expect.any(String),
      });
    }
  });

  it('getProjects of a standalone pipeline: no jobs, then the standalone spec', async () => {
    const first = (await client.job.get({
      name: 'platform/gateway',
      tree: limitedJobsTreeSpec,
    })) as Partial<Project>;
    expect(first).toEqual({
      _class: 'org.jenkinsci.plugins.workflow.job.WorkflowJob',
    });
    const standalone = (await client.job.get({
      name: 'platform/gateway',
      tree: limitedStandaloneJobTreeSpec,
    })) as Project;
    expect(standalone).toMatchObject({
      fullName: 'platform/gateway',
      inQueue: false,
      actions: expect.any(Array),
    });
    expect(standalone.lastBuild).toMatchObject({
      number: expect.any(Number),
      building: false,
    });
  });

  it('getProjects with branches: the branch job by its encoded name', async () => {
    const job = (await client.job.get({
      name: `stakater/xposer/${encodeURIComponent('feature/x')}`,
      tree: jobTreeSpec,
    })) as Project;
    expect(job.fullName).toBe('stakater/xposer/feature%2Fx');
    expect(job.lastBuild!.number).toBe(1);
  });

  it('getBuild: the job at depth=1, then the run', async () => {
    const job = (await client.job.get({
      name: 'stakater/xposer/master',
      depth: 1,
    })) as Project & { builds: Build[] };
    expect(job.actions).toEqual(expect.any(Array));
    expect(job.builds[0].actions).toEqual(expect.any(Array));
    const build = (await client.build.get(
      'stakater/xposer/master',
      16,
    )) as Build;
    expect(build.number).toBe(16);
    expect(
      build.actions.filter(
        a => a._class === 'hudson.plugins.git.util.BuildData',
      ),
    ).toHaveLength(2);
  });

  it('getJobBuilds and getBuildConsoleText: plain fetches of the same URLs', async () => {
    const jobName = 'stakater/xposer/master'
      .split('/')
      .map(s => encodeURIComponent(s))
      .join('/job/');
    const res = await fetch(
      `${code}/job/${jobName}/api/json?tree=${jobBuildsTreeSpec}`,
      { headers: auth.code },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { builds: Build[] };
    expect(body.builds[0]).toMatchObject({
      number: 16,
      url: expect.any(String),
    });
    expect(body.builds[0].actions.length).toBeGreaterThan(0);
    const text = await fetch(
      `${code}/job/stakater/job/xposer/job/master/16/consoleText`,
      {
        headers: auth.code,
      },
    );
    expect(text.status).toBe(200);
  });

  // renderBuild.ts writes `buildsByBranchName` as a Map, whose entries sit at the map's level.
  it('augmentBuild reads buildsByBranchName entries at the map level', async () => {
    const project = (await client.job.get({
      name: 'stakater/xposer',
      tree: limitedJobsTreeSpec,
    })) as Project;
    const standalone = (await client.job.get({
      name: 'platform/gateway',
      tree: limitedStandaloneJobTreeSpec,
    })) as Project;
    for (const job of [...project.jobs!, standalone]) {
      expect(pluginSource(job.lastBuild!)).toEqual({
        branchName: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{8}$/),
      });
    }
    const data = project.jobs![0].lastBuild!.actions.filter(
      a => a._class === 'hudson.plugins.git.util.BuildData',
    );
    expect(Object.values(data[1].buildsByBranchName!)[0]).toMatchObject({
      _class: 'hudson.plugins.git.util.Build',
      buildNumber: 16,
      revision: data[1].lastBuiltRevision,
    });
    const build = (await client.build.get(
      'stakater/xposer/master',
      16,
    )) as Build;
    expect(pluginSource(build)!.branchName).toBe('master');
  });

  it('rebuildProject: POST .../N/replay/rebuild, following the redirect like node-fetch', async () => {
    const res = await fetch(
      `${code}/job/stakater/job/nordmart-review/job/main/29/replay/rebuild`,
      { method: 'post', headers: auth.code },
    );
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${code}/job/stakater/job/nordmart-review/job/main/`);
    await waitFor(async () => {
      const job = (await client.job.get({
        name: 'stakater/nordmart-review/main',
        tree: 'lastBuild[number]',
      })) as Project;
      return job.lastBuild?.number === 30 ? job : undefined;
    });
  });
});
