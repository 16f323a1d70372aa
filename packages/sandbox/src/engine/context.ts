import type { BuildCause, BuildParameter } from '../jenkins';
import crypto from 'node:crypto';
import type { GitHubStore } from '../github';
import type { World, WorldService, WorldEnvironment } from '../world';
import type { RenderContext } from '../world/renderConfig';

/** What the seeding and behaviour code needs to know about the running sandbox. */
export interface EngineContext extends RenderContext {
  world: World;
  store: GitHubStore;
  nexusRepository: string;
}

/** Sha of a seeded commit (falls back to a stable fake when the store does not know it). */
export function shaOf(
  ctx: EngineContext,
  owner: string,
  repo: string,
  id: string,
): string {
  return (
    ctx.store.commitSha(owner, repo, id) ??
    crypto.createHash('sha1').update(`${owner}/${repo}@${id}`).digest('hex')
  );
}

/**
 * The remote a run checks out (BuildData `remoteUrls`): `http://127.0.0.1:7105/stakater/xposer.git`,
 * or with `settings.gitRemote.style: ssh` `git@git.sandbox.internal:stakater/xposer.git`.
 */
export function cloneUrl(
  ctx: EngineContext,
  owner: string,
  repo: string,
): string {
  const remote = ctx.world.settings.gitRemote;
  if (remote.style === 'ssh') return `git@${remote.host}:${owner}/${repo}.git`;
  return `${ctx.store.htmlUrl(owner, repo)}.git`;
}

/** Encodes a branch name as Jenkins multibranch names its job (`feature/x` -> `feature%2Fx`). */
export function branchJobName(branch: string): string {
  return branch.replace(/%/g, '%25').replace(/\//g, '%2F');
}

/** Job segments of a service's branch job (multibranch) or of its pipeline job. */
export function codeJobSegments(
  service: WorldService,
  branch: string,
): string[] {
  const base = service.job.path.split('/');
  return service.job.type === 'multibranch'
    ? [...base, branchJobName(branch)]
    : base;
}

export function deployJobSegments(env: WorldEnvironment): string[] {
  return env.deployJob.split('/');
}

export const codeStages = [
  'Checkout',
  'Build',
  'Test',
  'Push image',
  'Push chart',
];
export const deployStages = [
  'Checkout',
  'Helm dependency update',
  'Helm upgrade',
];
export const libraryBranch = (ctx: EngineContext) =>
  ctx.world.settings.pipelineLibrary.branch;

/** Parameters of a deploy run triggered by a webhook or re-sync. */
export function deployParams(branch: string): BuildParameter[] {
  return [
    { cls: 'hudson.model.StringParameterValue', name: 'BRANCH', value: branch },
    {
      cls: 'hudson.model.BooleanParameterValue',
      name: 'DRY_RUN',
      value: false,
    },
  ];
}

/** Parameters of a releasing code run. */
export const releaseParams: BuildParameter[] = [
  { cls: 'hudson.model.BooleanParameterValue', name: 'RELEASE', value: true },
];

/** Cause of a run started by a GitHub push webhook. */
export function githubPushCause(user = 'unknown'): BuildCause {
  return {
    cls: 'com.cloudbees.jenkins.GitHubPushCause',
    shortDescription: `Started by GitHub push by ${user}`,
  };
}

/** Cause of a multibranch run started by a push to a branch. */
export function branchEventCause(branch: string): BuildCause {
  return {
    cls: 'jenkins.branch.BranchEventCause',
    shortDescription: `Push event to branch ${branch}`,
  };
}
