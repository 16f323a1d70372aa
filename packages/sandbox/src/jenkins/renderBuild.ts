import { Bean, type Node } from './tree';
import {
  fullDisplayName,
  jobPath,
  type GitRevision,
  type JenkinsBuild,
  type JenkinsJob,
} from './model';

const two = (n: number) => String(n).padStart(2, '0');
/** `2019-08-22 14:40:03 +0000` as Jenkins' git plugin prints commit dates. */
function gitDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(
    d.getUTCDate(),
  )} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(
    d.getUTCSeconds(),
  )} +0000`;
}

function buildData(rev: GitRevision, number: number): Bean {
  const branch = [{ SHA1: rev.sha, name: rev.branch }];
  return new Bean(
    'hudson.plugins.git.util.BuildData',
    () => ({
      // A Map: Jenkins writes its entries at the map's own level.
      buildsByBranchName: new Map([
        [
          rev.branch,
          new Bean(
            'hudson.plugins.git.util.Build',
            () => ({
              buildNumber: number,
              buildResult: null,
              marked: { SHA1: rev.sha, branch },
              revision: { SHA1: rev.sha, branch },
            }),
            'all',
          ),
        ],
      ]),
      lastBuiltRevision: { SHA1: rev.sha, branch },
      remoteUrls: [rev.remoteUrl],
      scmName: '',
    }),
    'all',
  );
}

const empty = (): Node => ({});
const marker = (cls: string): Bean => new Bean(cls, () => ({}), 'all');

/** The `actions` array of a run, shaped like a real WorkflowRun (library BuildData first). */
function actions(build: JenkinsBuild): Node[] {
  const out: Node[] = [
    new Bean(
      'hudson.model.CauseAction',
      () => ({
        causes: build.causes.map(
          c =>
            new Bean(
              c.cls,
              () => ({
                shortDescription: c.shortDescription,
                ...(c.extra ?? {}),
              }),
              'all',
            ),
        ),
      }),
      'all',
    ),
    empty(),
  ];
  if (build.parameters.length) {
    out.push(
      new Bean(
        'hudson.model.ParametersAction',
        () => ({
          parameters: build.parameters.map(
            p =>
              new Bean(p.cls, () => ({ name: p.name, value: p.value }), 'all'),
          ),
        }),
        'all',
      ),
    );
  }
  out.push(
    new Bean(
      'jenkins.metrics.impl.TimeInQueueAction',
      () => ({
        blockedDurationMillis: 0,
        blockedTimeMillis: 0,
        buildableDurationMillis: 0,
        buildableTimeMillis: 2,
        buildingDurationMillis: build.duration,
        executingTimeMillis: build.duration,
        executorUtilization: 1,
        subTaskCount: 0,
        waitingDurationMillis: 5000,
        waitingTimeMillis: 5000,
      }),
      'all',
    ),
    marker('jenkins.scm.api.SCMRevisionAction'),
    empty(),
  );
  build.revisions.forEach((rev, i) => {
    out.push(buildData(rev, build.number));
    if (i === 0) out.push(marker('hudson.plugins.git.GitTagAction'), empty());
  });
  out.push(
    marker('org.jenkinsci.plugins.workflow.cps.EnvActionImpl'),
    empty(),
    marker(
      'org.jenkinsci.plugins.pipeline.modeldefinition.actions.RestartDeclarativePipelineAction',
    ),
    marker('org.jenkinsci.plugins.workflow.job.views.FlowGraphAction'),
    empty(),
  );
  return out;
}

function changeSets(build: JenkinsBuild, base: string): Node[] {
  if (!build.changes.length) return [];
  return [
    new Bean(
      'hudson.plugins.git.GitChangeSetList',
      () => ({
        items: build.changes.map(
          c =>
            new Bean(
              'hudson.plugins.git.GitChangeSet',
              () => ({
                affectedPaths: c.paths.map(p => p.file),
                commitId: c.sha,
                timestamp: c.timestamp,
                author: {
                  absoluteUrl: `${base}/user/${encodeURIComponent(
                    c.authorName.toLowerCase().replace(/\s+/g, '.'),
                  )}`,
                  fullName: c.authorName,
                },
                authorEmail: c.authorEmail,
                comment: `${c.message}\n`,
                date: gitDate(c.timestamp),
                id: c.sha,
                msg: c.message.split('\n')[0],
                paths: c.paths.map(p => ({
                  editType: p.editType,
                  file: p.file,
                })),
              }),
              'all',
            ),
        ),
        kind: 'git',
      }),
      'all',
    ),
  ];
}

/** URL of a run. */
export function buildUrl(
  base: string,
  job: JenkinsJob,
  number: number,
): string {
  return `${base}/${jobPath(job)}${number}/`;
}

/** A short reference `{_class, number, url}` to a run. */
export function buildRef(
  base: string,
  job: JenkinsJob,
  build: JenkinsBuild | undefined,
): Node {
  if (!build) return null;
  return new Bean(
    'org.jenkinsci.plugins.workflow.job.WorkflowRun',
    () => ({ number: build.number, url: buildUrl(base, job, build.number) }),
    'all',
  );
}

/** A WorkflowRun bean (summary: number, url). */
export function buildBean(
  base: string,
  job: JenkinsJob,
  build: JenkinsBuild,
): Bean {
  return new Bean(
    'org.jenkinsci.plugins.workflow.job.WorkflowRun',
    () => {
      const i = job.builds.indexOf(build);
      const authors = new Map(build.changes.map(c => [c.authorName, c]));
      return {
        actions: actions(build),
        artifacts: [],
        building: build.result === null,
        description: build.description,
        displayName: build.displayName ?? `#${build.number}`,
        duration: build.duration,
        estimatedDuration: build.estimatedDuration,
        executor:
          build.result === null
            ? { _class: 'hudson.model.OneOffExecutor' }
            : null,
        fullDisplayName: `${fullDisplayName(job)} ${
          build.displayName ?? `#${build.number}`
        }`,
        id: String(build.number),
        keepLog: false,
        number: build.number,
        queueId: build.queueId,
        result: build.result,
        timestamp: build.timestamp,
        url: buildUrl(base, job, build.number),
        changeSets: changeSets(build, base),
        culprits: [...authors.keys()].map(name => ({
          absoluteUrl: `${base}/user/${encodeURIComponent(
            name.toLowerCase().replace(/\s+/g, '.'),
          )}`,
          fullName: name,
        })),
        inProgress: build.result === null,
        nextBuild: buildRef(base, job, job.builds[i + 1]),
        previousBuild: buildRef(base, job, job.builds[i - 1]),
      };
    },
    ['number', 'url'],
  );
}
