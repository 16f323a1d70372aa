import {
  JenkinsState,
  type ChangeItem,
  type JenkinsBuild,
  type JenkinsJob,
  type ParameterDefinition,
} from '../jenkins';
import { bumpsVersions, withBumpCommits } from '../world/bumpCommits';
import {
  pinsFile,
  valuesFile,
  type WorldBuild,
  type WorldCommit,
  type WorldService,
} from '../world';
import {
  cloneUrl,
  codeJobSegments,
  codeStages,
  deployJobSegments,
  deployStages,
  shaOf,
  type EngineContext,
} from './context';

/** Parameters of every code job. */
export const codeJobParameters: ParameterDefinition[] = [
  {
    name: 'RELEASE',
    type: 'BooleanParameterDefinition',
    defaultValue: true,
    description: 'Tag and publish the image and chart',
  },
];

/** Parameters of every deploy job. */
export function deployJobParameters(branch: string): ParameterDefinition[] {
  return [
    {
      name: 'BRANCH',
      type: 'StringParameterDefinition',
      defaultValue: branch,
      description: 'Config repo branch to deploy',
    },
    {
      name: 'DRY_RUN',
      type: 'BooleanParameterDefinition',
      defaultValue: false,
      description: 'helm upgrade --dry-run',
    },
  ];
}

const ms = (iso: string) => Date.parse(iso);
const fallbackAuthor = { name: 'Jenkins', email: 'jenkins@stakater.com' };

function change(
  ctx: EngineContext,
  owner: string,
  repo: string,
  c: WorldCommit,
  paths: string[],
): ChangeItem {
  const author = c.author ?? fallbackAuthor;
  return {
    sha: shaOf(ctx, owner, repo, c.id),
    message: c.message,
    authorName: author.name,
    authorEmail: author.email,
    timestamp: ms(c.date),
    paths: paths.map(file => ({ file, editType: 'edit' as const })),
  };
}

function codeBuild(
  ctx: EngineContext,
  service: WorldService,
  branch: string,
  commits: WorldCommit[],
  b: WorldBuild,
  prev: WorldBuild | undefined,
  queueId: number,
): JenkinsBuild {
  const { owner, name } = service.codeRepo;
  const lib = ctx.world.settings.pipelineLibrary;
  const end = commits.findIndex(c => c.id === b.commit);
  const start = prev
    ? commits.findIndex(c => c.id === prev.commit) + 1
    : Math.max(0, end);
  const changes = commits
    .slice(start, end + 1)
    .map(c =>
      change(
        ctx,
        owner,
        name,
        c,
        c.files ? Object.keys(c.files) : ['CHANGELOG.md'],
      ),
    );
  // goBuildAndRelease (bumpCommit worlds) never renames the run: it stays `#N`.
  const releasing =
    b.result === 'SUCCESS' &&
    b.version !== undefined &&
    !bumpsVersions(ctx.world);
  return {
    number: b.number,
    result: b.result,
    timestamp: ms(b.timestamp),
    duration: b.result === null ? 0 : b.durationMs,
    estimatedDuration: b.durationMs,
    displayName: releasing ? b.version : undefined,
    description: null,
    queueId,
    causes: prev
      ? [
          {
            cls: 'jenkins.branch.BranchEventCause',
            shortDescription: `Push event to branch ${branch}`,
          },
        ]
      : [
          {
            cls: 'jenkins.branch.BranchIndexingCause',
            shortDescription: 'Branch indexing',
          },
        ],
    parameters: [
      {
        cls: 'hudson.model.BooleanParameterValue',
        name: 'RELEASE',
        value: true,
      },
    ],
    revisions: [
      { sha: lib.sha, branch: lib.branch, remoteUrl: lib.url },
      {
        sha: shaOf(ctx, owner, name, b.commit),
        branch,
        remoteUrl: cloneUrl(ctx, owner, name),
      },
    ],
    changes,
    stages: codeStages,
    failedStage: b.result === 'FAILURE' ? 2 : undefined,
  };
}

function addCodeJob(
  ctx: EngineContext,
  state: JenkinsState,
  service: WorldService,
  branch: string,
  commits: WorldCommit[],
  builds: WorldBuild[],
  q: { next: number },
): void {
  const segments = codeJobSegments(service, branch);
  if (service.job.type === 'multibranch')
    state.ensure(segments.slice(0, -1), 'multibranch');
  const job: JenkinsJob = state.ensure(
    segments,
    'pipeline',
    service.job.type === 'multibranch' ? branch : undefined,
  );
  job.parameterDefinitions = codeJobParameters;
  job.description = `${service.description} (${service.codeRepo.owner}/${service.codeRepo.name})`;
  const sorted = [...builds].sort((a, b) => a.number - b.number);
  sorted.forEach((b, i) =>
    state.addBuild(
      job,
      codeBuild(ctx, service, branch, commits, b, sorted[i - 1], q.next++),
    ),
  );
}

/** The code Jenkins of a world: one (multibranch) job per service with its runs. */
export function seedCodeJenkins(ctx: EngineContext): JenkinsState {
  const state = new JenkinsState();
  const q = { next: 1000 };
  for (const service of ctx.world.services) {
    addCodeJob(
      ctx,
      state,
      service,
      service.codeRepo.defaultBranch,
      // With bump commits: a run's changeSet includes the previous release's bump.
      withBumpCommits(ctx.world, service, service.commits),
      service.builds,
      q,
    );
    for (const branch of service.branches) {
      const fromIdx = branch.from
        ? service.commits.findIndex(c => c.id === branch.from)
        : service.commits.length - 1;
      const history = [
        ...service.commits.slice(0, fromIdx + 1),
        ...branch.commits,
      ];
      addCodeJob(ctx, state, service, branch.name, history, branch.builds, q);
    }
  }
  return state;
}

/** The deploy Jenkins of a world: one pipeline job per environment with its runs. */
export function seedDeployJenkins(ctx: EngineContext): JenkinsState {
  const state = new JenkinsState();
  const queue = { next: 500 };
  const lib = ctx.world.settings.pipelineLibrary;
  for (const env of ctx.world.environments) {
    const job = state.ensure(deployJobSegments(env), 'pipeline');
    job.parameterDefinitions = deployJobParameters(env.configRepo.branch);
    job.description = `Deploys ${env.configRepo.owner}/${env.configRepo.name} to namespace ${env.namespace}`;
    const { owner, name, branch } = env.configRepo;
    const runs = [...env.deploys].sort((a, b) => a.number - b.number);
    runs.forEach((d, i) => {
      const end = env.commits.findIndex(c => c.id === d.commit);
      const prev = runs[i - 1];
      const start = prev
        ? env.commits.findIndex(c => c.id === prev.commit) + 1
        : end;
      const changes = env.commits
        .slice(start, end + 1)
        .map(c =>
          change(ctx, owner, name, { ...c, files: undefined }, [
            pinsFile(env),
            ...Object.keys(c.pins).map(valuesFile),
          ]),
        );
      state.addBuild(job, {
        number: d.number,
        result: d.result,
        timestamp: ms(d.timestamp),
        duration: d.durationMs,
        estimatedDuration: d.durationMs,
        description: null,
        queueId: queue.next++,
        causes: [
          prev?.commit === d.commit
            ? {
                cls: 'hudson.model.Cause$UserIdCause',
                shortDescription: 'Started by user admin',
                extra: { userId: 'admin', userName: 'admin' },
              }
            : {
                cls: 'com.cloudbees.jenkins.GitHubPushCause',
                shortDescription: 'Started by GitHub push by gitops-bot',
              },
        ],
        parameters: [
          {
            cls: 'hudson.model.StringParameterValue',
            name: 'BRANCH',
            value: branch,
          },
          {
            cls: 'hudson.model.BooleanParameterValue',
            name: 'DRY_RUN',
            value: false,
          },
        ],
        revisions: [
          { sha: lib.sha, branch: lib.branch, remoteUrl: lib.url },
          {
            sha: shaOf(ctx, owner, name, d.commit),
            branch,
            remoteUrl: cloneUrl(ctx, owner, name),
          },
        ],
        changes,
        stages: deployStages,
        failedStage: d.result === 'FAILURE' ? 2 : undefined,
      });
    });
  }
  return state;
}
