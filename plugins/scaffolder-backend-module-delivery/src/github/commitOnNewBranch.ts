import { ConflictError } from '@backstage/errors';
import { GitHubWriteError } from '@gitops-delivery/backstage-plugin-delivery-node';
import type { GitHubRepo } from './githubRepo';

/** Files to commit: path -> UTF-8 content. */
export type Files = Record<string, string>;

/**
 * Writes all `files` as ONE commit on top of `parent` (or as a root commit) and creates
 * `branch` at it. A branch that appeared meanwhile is a `ConflictError` (retry the task).
 */
export async function commitOnNewBranch(
  r: GitHubRepo,
  opts: { branch: string; files: Files; message: string; parent?: string },
): Promise<string> {
  const sha = await r.client.createCommit(
    opts.parent,
    opts.files,
    opts.message,
  );
  try {
    await r.client.createBranch(opts.branch, sha);
  } catch (e) {
    if (e instanceof GitHubWriteError) {
      throw new ConflictError(
        `${r.owner}/${r.repo}: branch '${opts.branch}' changed while committing; retry the task`,
      );
    }
    throw e;
  }
  return sha;
}
