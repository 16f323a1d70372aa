import { ConflictError, InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  DeliveryScaffolderConfig,
  HOST_KEYS,
  rejectHostInputs,
  requireHost,
  ScaffolderEnvironment,
} from '../config';
import { commitOnNewBranch } from '../github/commitOnNewBranch';
import {
  GitHubRepo,
  parseRepoLocation,
  resolveGitHubRepo,
} from '../github/githubRepo';
import { openPullRequest } from '../github/pulls';
import { taskTrailer } from '../github/taskTrailer';
import { markdownCode, markdownLink, markdownText } from '../lang/markdown';
import { valuesPathFor } from '../layout/release';
import { Release, releaseFiles } from '../services/releaseFiles';
import {
  assertChartVersion,
  assertDnsName,
  assertEntityRef,
  assertEnvironments,
  assertImageInRegistry,
} from '../validation';

/** The input of `delivery:config:add-release`, as the scaffolder hands it over. */
export interface AddReleaseInput {
  release: string;
  chart?: string;
  version?: string;
  image: string;
  environments: string[];
  configOwner?: string;
}

/** What the steps need from the action context. */
export type AddReleaseContext = Pick<
  ActionContext<Record<string, never>>,
  'checkpoint' | 'isDryRun' | 'logger' | 'task'
>;

/** One environment's config repo, resolved. */
export interface ReleaseTarget {
  env: ScaffolderEnvironment;
  repo: GitHubRepo;
}

/** What was done in one environment: a pull request, or the first commit of an empty repo. */
export interface ReleaseResult {
  environment: string;
  url: string;
  number?: number;
  direct: boolean;
}

/** Validates every input against the config before the first request. */
export function readReleaseInput(
  input: AddReleaseInput,
  cfg: DeliveryScaffolderConfig,
): { release: Release; environments: string[] } {
  rejectHostInputs(input);
  const name = assertDnsName('release', input.release);
  const chart = assertDnsName('chart', input.chart ?? name);
  const version = assertChartVersion('version', input.version ?? 'v0.0.1');
  const repository = requireHost(cfg, 'chartRepositoryUrl');
  const image = assertImageInRegistry(
    'image',
    input.image,
    requireHost(cfg, 'dockerRegistry'),
    HOST_KEYS.dockerRegistry,
  );
  const configOwner = assertEntityRef(
    'configOwner',
    input.configOwner ?? 'group:default/platform',
  );
  const release: Release = {
    release: name,
    chart,
    version,
    image,
    repository,
    configOwner,
  };
  const environments = assertEnvironments(input.environments, cfg.environments);
  return { release, environments };
}

/** Binds each environment's config repo to its integration, before anything is written. */
export function resolveReleaseTargets(
  environments: readonly string[],
  cfg: DeliveryScaffolderConfig,
  integrations: ScmIntegrationRegistry,
  ctx: AddReleaseContext,
): ReleaseTarget[] {
  return environments.map(name => {
    const env = cfg.environments.find(e => e.name === name);
    if (!env) throw new InputError(`unknown environment ${name}`);
    const repo = resolveGitHubRepo(
      integrations,
      parseRepoLocation(env.configRepo),
      { timeoutMs: cfg.githubTimeoutMs, logger: ctx.logger },
    );
    return { env, repo };
  });
}

/** Refuses the whole action when any config repo is missing. */
export async function assertConfigReposExist(
  targets: readonly ReleaseTarget[],
): Promise<void> {
  for (const { env, repo } of targets) {
    if (!(await repo.client.exists())) {
      throw new InputError(
        `config repo ${repo.owner}/${repo.repo} of ${env.name} does not exist; create it with delivery:config-repo:create`,
      );
    }
  }
}

/** The branch the release is proposed on. */
export function releaseBranch(release: Release): string {
  return `delivery/scaffold/${release.release}`;
}

/** Dry run: reads and edits in memory (so conflicts surface), writes nothing. */
export async function previewRelease(
  ctx: AddReleaseContext,
  { env, repo }: ReleaseTarget,
  release: Release,
): Promise<ReleaseResult> {
  const base = await repo.client.branchSha(env.branch);
  const files = await releaseFiles(repo, env, release, base);
  ctx.logger.info('Dry run: would change the config repo', {
    environment: env.name,
    files: Object.keys(files),
  });
  return {
    environment: env.name,
    url: base
      ? `${repo.htmlUrl}/compare/${env.branch}...${releaseBranch(release)}`
      : repo.htmlUrl,
    direct: !base,
  };
}

/**
 * Commits the release (under a checkpoint): on the release branch, or as the first commit of
 * the environment branch of an empty repo. A retried task adopts its own earlier commit.
 */
export function commitRelease(
  ctx: AddReleaseContext,
  { env, repo }: ReleaseTarget,
  release: Release,
): Promise<{ sha: string; direct: boolean; base: string }> {
  const trailer = taskTrailer(ctx.task.id);
  return ctx.checkpoint({
    key: `config.${env.name}.commit.${release.release}`,
    fn: async () => {
      const base = await repo.client.branchSha(env.branch);
      const target = base ? releaseBranch(release) : env.branch;
      const existing = await repo.client.branchSha(target);
      if (existing) {
        if ((await repo.client.commitMessage(existing)).includes(trailer)) {
          return { sha: existing, direct: !base, base: base ?? '' };
        }
        throw new ConflictError(
          `${repo.owner}/${repo.repo} already has a branch ${target}`,
        );
      }
      const sha = await commitOnNewBranch(repo, {
        branch: target,
        files: await releaseFiles(repo, env, release, base),
        message: `Add ${release.release} ${release.version} to ${env.name}\n\n${trailer}\n`,
        parent: base,
      });
      ctx.logger.info('Committed release to config repo', {
        environment: env.name,
        repo: `${repo.owner}/${repo.repo}`,
        branch: target,
        sha,
      });
      return { sha, direct: !base, base: base ?? '' };
    },
  });
}

/** Opens (or finds, when retried) the release's pull request, under a checkpoint. */
export async function openReleasePull(
  ctx: AddReleaseContext,
  { env, repo }: ReleaseTarget,
  release: Release,
): Promise<ReleaseResult> {
  const { release: name, chart, version } = release;
  const pr = await ctx.checkpoint({
    key: `config.${env.name}.pull.${name}`,
    fn: () =>
      openPullRequest(repo, {
        head: releaseBranch(release),
        base: env.branch,
        title: `Add ${name} ${version} to ${env.name}`,
        body: `Adds the ${markdownCode(name)} release (chart ${markdownCode(
          chart,
        )} ${markdownText(version)}) to ${markdownText(
          env.name,
        )}: a dependency pin and ${markdownCode(
          valuesPathFor(env.valuesPath, name),
        )}.\n\nOpened by the Backstage delivery scaffolder.`,
      }),
  });
  ctx.logger.info('Config pull request ready', {
    environment: env.name,
    url: pr.url,
  });
  return {
    environment: env.name,
    url: pr.url,
    number: pr.number,
    direct: false,
  };
}

/** Adds the release to one environment: the commit, then the pull request unless it was direct. */
export async function addReleaseTo(
  ctx: AddReleaseContext,
  target: ReleaseTarget,
  release: Release,
): Promise<ReleaseResult> {
  const commit = await commitRelease(ctx, target, release);
  if (commit.direct) {
    return {
      environment: target.env.name,
      url: `${target.repo.htmlUrl}/commit/${commit.sha}`,
      direct: true,
    };
  }
  return openReleasePull(ctx, target, release);
}

/** The action's outputs. */
export function releaseOutputs(
  targets: readonly ReleaseTarget[],
  results: readonly ReleaseResult[],
) {
  const repoOf = (environment: string) => {
    const target = targets.find(t => t.env.name === environment);
    if (!target) throw new Error(`no target for ${environment}`);
    return target.repo;
  };
  return {
    pullRequests: [...results],
    pullRequestUrls: Object.fromEntries(
      results.map(r => [r.environment, r.url]),
    ),
    repoUrls: Object.fromEntries(
      targets.map(t => [t.env.name, t.repo.htmlUrl]),
    ),
    summary: results
      .map(r => {
        const repo = repoOf(r.environment);
        const change = r.direct ? 'first commit' : `pull request #${r.number}`;
        return `- **${markdownText(r.environment)}**: ${markdownLink(
          `${repo.owner}/${repo.repo}`,
          repo.htmlUrl,
        )}, ${markdownLink(change, r.url)}`;
      })
      .join('\n'),
  };
}
