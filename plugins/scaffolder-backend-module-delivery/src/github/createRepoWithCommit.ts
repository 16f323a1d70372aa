import { ConflictError, InputError } from '@backstage/errors';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { commitOnNewBranch, type Files } from './commitOnNewBranch';
import type { GitHubRepo } from './githubRepo';
import { taskTrailer } from './taskTrailer';

/** What {@link createRepoWithCommit} needs from the action context. */
export type RepoActionContext = Pick<
  ActionContext<Record<string, never>>,
  'checkpoint' | 'isDryRun' | 'logger' | 'task'
>;

/** Options of {@link createRepoWithCommit}. */
export interface CreateRepoWithCommitOptions {
  /** Kind of repository: names the checkpoints (`<kind>-repo.*`) and log lines. */
  kind: 'code' | 'config';
  repo: GitHubRepo;
  /** Owner and name as given by the user, for error messages. */
  owner: string;
  name: string;
  description: string;
  private: boolean;
  /** Branch that receives the single commit (created by it). */
  branch: string;
  /** The files and commit message, given the new repository's web URL and the task trailer. */
  layout(
    repoHtmlUrl: string,
    trailer: string,
  ): { files: Files; message: string };
}

/**
 * Creates an empty repository and pushes its whole layout as one commit, each step under a
 * checkpoint so a retried task resumes (and adopts a commit carrying its own task trailer).
 * In a dry run only checks that the repository does not exist; the commit SHA is then `dry-run`.
 */
export async function createRepoWithCommit(
  ctx: RepoActionContext,
  opts: CreateRepoWithCommitOptions,
): Promise<{ htmlUrl: string; commitSha: string }> {
  const { repo, owner, name, branch, kind } = opts;
  const key = `${owner}/${name}`.toLowerCase();
  const assertAbsent = async () => {
    if (await repo.client.exists()) {
      throw new InputError(`repository ${owner}/${name} already exists`);
    }
  };
  if (ctx.isDryRun) {
    // validation plus a read-only existence check; nothing is written
    await assertAbsent();
    ctx.logger.info(`Dry run: would create the ${kind} repository`, {
      repo: key,
    });
    return { htmlUrl: repo.htmlUrl, commitSha: 'dry-run' };
  }

  const created = await ctx.checkpoint({
    key: `${kind}-repo.create.${key}`,
    fn: async () => {
      await assertAbsent();
      const r = await repo.client.createRepository({
        description: opts.description,
        private: opts.private,
      });
      ctx.logger.info(`Created ${kind} repository`, { repo: key });
      return { htmlUrl: r.htmlUrl };
    },
  });

  const trailer = taskTrailer(ctx.task.id);
  const { commitSha } = await ctx.checkpoint({
    key: `${kind}-repo.commit.${key}`,
    fn: async () => {
      const head = await repo.client.branchSha(branch);
      if (head) {
        // a previous attempt of this task may have committed before its checkpoint was saved
        if ((await repo.client.commitMessage(head)).includes(trailer)) {
          return { commitSha: head };
        }
        throw new ConflictError(
          `${owner}/${name} already has commits on ${branch}`,
        );
      }
      const { files, message } = opts.layout(created.htmlUrl, trailer);
      const sha = await commitOnNewBranch(repo, { branch, files, message });
      ctx.logger.info(`Committed ${kind} repository layout`, {
        repo: key,
        sha,
      });
      return { commitSha: sha };
    },
  });
  return { htmlUrl: created.htmlUrl, commitSha };
}
