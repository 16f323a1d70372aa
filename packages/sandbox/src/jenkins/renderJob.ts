import { Bean, type Node } from './tree';
import { buildBean } from './renderBuild';
import {
  fullDisplayName,
  fullName,
  jobClass,
  jobPath,
  waitReason,
  type JenkinsBuild,
  type JenkinsJob,
  type QueueItem,
} from './model';
import type { JenkinsState } from './state';

/** Ball color of a job (`blue`, `red_anime`, ...). */
export function color(job: JenkinsJob): string {
  const last = job.builds[job.builds.length - 1];
  if (!last) return 'notbuilt';
  const done = [...job.builds].reverse().find(b => b.result !== null);
  const colors: Record<string, string> = {
    SUCCESS: 'blue',
    UNSTABLE: 'yellow',
    ABORTED: 'aborted',
    NOT_BUILT: 'notbuilt',
    FAILURE: 'red',
  };
  const base = done?.result ? colors[done.result] : 'notbuilt';
  return last.result === null ? `${base}_anime` : base;
}

function health(job: JenkinsJob): Node[] {
  const recent = job.builds.filter(b => b.result !== null).slice(-5);
  if (!recent.length) return [];
  const failed = recent.filter(b => b.result !== 'SUCCESS').length;
  const score = Math.round(100 * (1 - failed / recent.length));
  const icons: Array<[number, string]> = [
    [80, 'health-80plus'],
    [60, 'health-60to79'],
    [40, 'health-40to59'],
    [20, 'health-20to39'],
    [-1, 'health-00to19'],
  ];
  const icon = icons.find(([min]) => score > min)![1];
  return [
    {
      description: failed
        ? `Build stability: ${failed} out of the last ${recent.length} builds failed.`
        : 'Build stability: No recent builds failed.',
      iconClassName: `icon-${icon}`,
      iconUrl: `${icon}.png`,
      score,
    },
  ];
}

/** URL of a job. */
export function jobUrl(base: string, job: JenkinsJob): string {
  return `${base}/${jobPath(job)}`;
}

function pick(
  job: JenkinsJob,
  base: string,
  f: (b: JenkinsBuild) => boolean,
): Node {
  const b = [...job.builds].reverse().find(f);
  return b ? buildBean(base, job, b) : null;
}

function queueItemRef(base: string, item: QueueItem | undefined): Node {
  if (!item) return null;
  return new Bean(
    'hudson.model.Queue$WaitingItem',
    () => ({
      blocked: false,
      buildable: false,
      id: item.id,
      inQueueSince: item.inQueueSince,
      params: item.parameters.map(p => `\n${p.name}=${p.value}`).join(''),
      stuck: false,
      task: { name: item.job.name, url: jobUrl(base, item.job) },
      url: `queue/item/${item.id}/`,
      why: waitReason(item),
    }),
    'all',
  );
}

/** A job bean (Folder, WorkflowMultiBranchProject or WorkflowJob; summary: name, url, color). */
export function jobBean(
  base: string,
  job: JenkinsJob,
  state: JenkinsState,
): Bean {
  const common = (): Record<string, Node> => ({
    actions: [
      {},
      {},
      new Bean(
        'com.cloudbees.plugins.credentials.ViewCredentialsAction',
        () => ({ stores: {} }),
        'all',
      ),
    ],
    description: job.description,
    displayName: job.displayName,
    displayNameOrNull: job.displayName === job.name ? null : job.displayName,
    fullDisplayName: fullDisplayName(job),
    fullName: fullName(job),
    name: job.name,
    url: jobUrl(base, job),
  });
  if (job.type !== 'pipeline') {
    return new Bean(
      jobClass[job.type],
      () => ({
        ...common(),
        healthReport: [],
        jobs: job.children.map(c => jobBean(base, c, state)),
        primaryView: {
          _class: 'hudson.model.AllView',
          name: 'All',
          url: jobUrl(base, job),
        },
        views: [
          {
            _class: 'hudson.model.AllView',
            name: 'All',
            url: jobUrl(base, job),
          },
        ],
        ...(job.type === 'multibranch' ? { sources: [{}] } : {}),
      }),
      ['name', 'url'],
    );
  }
  return new Bean(
    jobClass.pipeline,
    () => {
      const queued = state.waiting().find(q => q.job === job);
      const params = job.parameterDefinitions.map(
        d =>
          new Bean(
            `hudson.model.${d.type}`,
            () => ({
              defaultParameterValue: new Bean(
                `hudson.model.${
                  d.type === 'BooleanParameterDefinition' ? 'Boolean' : 'String'
                }ParameterValue`,
                () => ({ name: d.name, value: d.defaultValue }),
                'all',
              ),
              description: d.description,
              name: d.name,
              type: d.type,
            }),
            'all',
          ),
      );
      const first = job.builds[0];
      return {
        ...common(),
        buildable: true,
        // Like Jenkins: `builds` holds the newest 100, `allBuilds` every run.
        builds: [...job.builds]
          .reverse()
          .slice(0, 100)
          .map(b => buildBean(base, job, b)),
        allBuilds: [...job.builds].reverse().map(b => buildBean(base, job, b)),
        color: color(job),
        firstBuild: first ? buildBean(base, job, first) : null,
        healthReport: health(job),
        inQueue: queued !== undefined,
        keepDependencies: false,
        lastBuild: pick(job, base, () => true),
        lastCompletedBuild: pick(job, base, b => b.result !== null),
        lastFailedBuild: pick(job, base, b => b.result === 'FAILURE'),
        lastStableBuild: pick(job, base, b => b.result === 'SUCCESS'),
        lastSuccessfulBuild: pick(
          job,
          base,
          b => b.result === 'SUCCESS' || b.result === 'UNSTABLE',
        ),
        lastUnstableBuild: pick(job, base, b => b.result === 'UNSTABLE'),
        lastUnsuccessfulBuild: pick(
          job,
          base,
          b => b.result !== null && b.result !== 'SUCCESS',
        ),
        nextBuildNumber: job.nextBuildNumber,
        property: params.length
          ? [
              new Bean(
                'hudson.model.ParametersDefinitionProperty',
                () => ({ parameterDefinitions: params }),
                'all',
              ),
            ]
          : [],
        queueItem: queueItemRef(base, queued),
        concurrentBuild: false,
        resumeBlocked: false,
      };
    },
    ['name', 'url', 'color'],
    ['allBuilds'],
  );
}

/** The root object (`hudson.model.Hudson`). */
export function rootBean(base: string, state: JenkinsState): Bean {
  return new Bean(
    'hudson.model.Hudson',
    () => ({
      assignedLabels: [{ name: 'built-in' }],
      mode: 'NORMAL',
      nodeDescription: "the Jenkins controller's built-in node",
      nodeName: '',
      numExecutors: 2,
      description: null,
      jobs: state.root.children.map(c => jobBean(base, c, state)),
      overallLoad: {},
      primaryView: {
        _class: 'hudson.model.AllView',
        name: 'all',
        url: `${base}/`,
      },
      quietDownReason: null,
      quietingDown: false,
      slaveAgentPort: 50000,
      unlabeledLoad: { _class: 'jenkins.model.UnlabeledLoadStatistics' },
      url: `${base}/`,
      useCrumbs: true,
      useSecurity: true,
      views: [{ _class: 'hudson.model.AllView', name: 'all', url: `${base}/` }],
    }),
    ['url'],
  );
}
