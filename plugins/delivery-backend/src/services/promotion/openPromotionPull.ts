import { ConflictError, NotFoundError } from '@backstage/errors';
import { sameVersion } from '@gitops-delivery/backstage-plugin-delivery-common';
import { promotionBranchPrefix } from './branchName';
import {
  ConfigRepoPull,
  GitHubWriteError,
} from '../../upstreams/github/ConfigRepoClient';
import { editPin } from './pinEdit';
import { parsePromotionMarker } from './pullRequestText';
import { editPromotionFiles, PromotionEditPlan } from './promotionEdit';

/** Everything needed to open one promotion PR. */
export interface PromotionPlan extends PromotionEditPlan {
  environment: string;
  /** Our deterministic branch. */
  branch: string;
  /** Builds title/body/commit message once the previous version is known. */
  texts(
    previousVersion: string,
    files: string[],
  ): {
    title: string;
    body: string;
    commitMessage: string;
  };
}

/** Outcome of {@link openPromotionPull}. */
export interface OpenedPull {
  pull: ConfigRepoPull;
  created: boolean;
  previousVersion?: string;
}

type Marker = NonNullable<ReturnType<typeof parsePromotionMarker>>;

function sameTarget(m: Marker | undefined, plan: PromotionPlan): boolean {
  return m?.environment === plan.environment && m.release === plan.release;
}

/** How an open pull request relates to this promotion. */
export type PullRelation =
  /** Ours, for this target and version: return it. */
  | 'adopt'
  /** Ours, for this target but another version: merge or close it first. */
  | 'blocks'
  /** Our branch name, in our repository, but not opened by us. */
  | 'squats'
  /** Anything else (a fork, another author, a marker alone): ignored. */
  | 'unrelated';

/**
 * Decides whether an open pull request is one of ours (#11): its head lives
 * in the config repository itself (no fork), it was opened by the identity
 * our credentials act as, and it comes from a Delivery branch of this
 * environment carrying our marker for this release. A marker alone neither
 * adopts nor blocks.
 */
export async function relationOf(
  pull: ConfigRepoPull,
  plan: Pick<PromotionPlan, 'client' | 'environment' | 'release' | 'branch'>,
): Promise<PullRelation> {
  const sameRepo =
    pull.headRepo?.toLowerCase() ===
    `${plan.client.target.owner}/${plan.client.target.repo}`.toLowerCase();
  if (!sameRepo) return 'unrelated';
  const ours = await plan.client.isOurs(pull);
  const marker = parsePromotionMarker(pull.body);
  const target =
    marker?.environment === plan.environment && marker.release === plan.release;
  if (pull.branch === plan.branch) {
    return ours && target ? 'adopt' : 'squats';
  }
  if (
    ours &&
    target &&
    pull.branch.startsWith(promotionBranchPrefix(plan.environment))
  ) {
    return 'blocks';
  }
  return 'unrelated';
}

/**
 * Opens the promotion pull request, idempotently (see the README of this
 * folder): reuse our open PR; refuse while another of our PRs is open for the
 * same target; ignore pull requests that are not ours (forks, other authors,
 * a copied marker); read both files at the base head, edit them, refuse
 * "already pinned"; reuse our branch when it holds exactly our content, move
 * it when it is ours but stale, refuse it when it is not ours; one commit
 * with both files; open the PR (422 "already exists" -> reuse when ours). A
 * 409/422 race in the write phase is retried once from a fresh read, then a
 * ConflictError. Never merges, never writes to the base branch. Call it
 * under the target lock.
 */
export async function openPromotionPull(
  plan: PromotionPlan,
): Promise<OpenedPull> {
  const { client } = plan;
  const open = await client.openPulls(plan.baseBranch);
  for (const pull of open) {
    const relation = await relationOf(pull, plan);
    if (relation === 'adopt') {
      return { pull, created: false, previousVersion: await currentPin(plan) };
    }
    if (relation === 'squats') {
      throw new ConflictError(
        `Pull request #${pull.number} from branch ${plan.branch} was not opened by Delivery; close it or delete the branch`,
      );
    }
    if (relation === 'blocks') {
      const marker = parsePromotionMarker(pull.body)!;
      throw new ConflictError(
        `Pull request #${pull.number} already promotes ${plan.release} to ${marker.version} in ${plan.environment}; merge or close it first (${pull.url})`,
      );
    }
  }

  let lastRace: GitHubWriteError | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const prepared = await prepareBranch(plan);
      return await openPull(plan, prepared.previousVersion, prepared.files);
    } catch (e) {
      if (e instanceof GitHubWriteError) {
        lastRace = e;
        continue;
      }
      throw e;
    }
  }
  throw new ConflictError(
    `The config repository changed while promoting; try again (${lastRace?.message})`,
  );
}

async function baseHead(plan: PromotionPlan): Promise<string> {
  const sha = await plan.client.branchSha(plan.baseBranch);
  if (!sha) {
    throw new NotFoundError(
      `Branch ${plan.baseBranch} does not exist in ${plan.client.target.owner}/${plan.client.target.repo}`,
    );
  }
  return sha;
}

async function currentPin(plan: PromotionPlan): Promise<string | undefined> {
  try {
    const sha = await baseHead(plan);
    const file = await plan.client.readFile(
      plan.requirementsPath,
      sha,
      plan.limits.maxBytes,
    );
    if (!file) return undefined;
    return editPin(
      file.content,
      plan.release,
      plan.version,
      plan.requirementsPath,
      plan.limits,
    ).previousVersion;
  } catch {
    return undefined;
  }
}

async function prepareBranch(
  plan: PromotionPlan,
): Promise<{ previousVersion: string; files: string[] }> {
  const { client } = plan;
  const base = await baseHead(plan);
  const edit = await editPromotionFiles(plan, base);
  const { files } = edit;
  const paths = Object.keys(files);
  if (!edit.pinChanged) {
    throw new ConflictError(
      `${plan.release} is already pinned to ${edit.previousVersion} in ${plan.environment}; nothing to promote`,
    );
  }
  const pin = edit;
  const texts = plan.texts(pin.previousVersion, paths);

  const head = await client.branchSha(plan.branch);
  if (!head) {
    const commit = await client.createCommit(base, files, texts.commitMessage);
    await client.createBranch(plan.branch, commit); // 422 exists -> retried
    return { previousVersion: pin.previousVersion, files: paths };
  }
  await assertOurBranch(plan, base, head);
  if (await holdsContent(plan, head, files)) {
    return { previousVersion: pin.previousVersion, files: paths };
  }
  const commit = await client.createCommit(base, files, texts.commitMessage);
  await client.moveBranch(plan.branch, commit);
  return { previousVersion: pin.previousVersion, files: paths };
}

async function assertOurBranch(
  plan: PromotionPlan,
  base: string,
  head: string,
) {
  const cmp = await plan.client.compare(base, head);
  const allowed = new Set([plan.requirementsPath, plan.valuesPath]);
  const ours =
    cmp.totalCommits > 0 &&
    cmp.messages.length === cmp.totalCommits &&
    cmp.messages.every(m => {
      const marker = parsePromotionMarker(m);
      return (
        sameTarget(marker, plan) && sameVersion(marker!.version, plan.version)
      );
    }) &&
    cmp.files.every(f => allowed.has(f));
  if (!ours) {
    throw new ConflictError(
      `Branch ${plan.branch} exists in ${plan.client.target.owner}/${plan.client.target.repo} but was not created by Delivery for this promotion; delete it and retry`,
    );
  }
}

async function holdsContent(
  plan: PromotionPlan,
  head: string,
  files: Record<string, string>,
): Promise<boolean> {
  for (const [path, content] of Object.entries(files)) {
    const file = await plan.client.readFile(path, head, plan.limits.maxBytes);
    if (file?.content !== content) return false;
  }
  return true;
}

async function openPull(
  plan: PromotionPlan,
  previousVersion: string,
  files: string[],
): Promise<OpenedPull> {
  const texts = plan.texts(previousVersion, files);
  try {
    const pull = await plan.client.createPull({
      branch: plan.branch,
      base: plan.baseBranch,
      title: texts.title,
      body: texts.body,
    });
    return { pull, created: true, previousVersion };
  } catch (e) {
    if (!(e instanceof GitHubWriteError) || e.upstreamStatus !== 422) throw e;
    const existing = await plan.client.openPulls(plan.baseBranch, plan.branch);
    for (const pull of existing) {
      if ((await relationOf(pull, plan)) === 'adopt') {
        return { pull, created: false, previousVersion };
      }
    }
    throw new ConflictError(`Could not open the pull request: ${e.message}`);
  }
}
