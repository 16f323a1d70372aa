import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { GitHubRepo, statusOf } from './client';

/** Files to commit: path -> UTF-8 content. */
export type Files = Record<string, string>;

/** Trailer that marks commits made by one scaffolder task, so a retried task can adopt them. */
export function taskTrailer(taskId: string): string {
  return `Backstage-Task: ${taskId}`;
}

/** Whether the repository exists (404 -> false). */
export async function repoExists(r: GitHubRepo): Promise<boolean> {
  try {
    await r.octokit.repos.get({ owner: r.owner, repo: r.repo });
    return true;
  } catch (e) {
    if (statusOf(e) === 404) return false;
    throw e;
  }
}

/** Creates an empty repository (no auto-init) under an organisation or the token's user. */
export async function createEmptyRepo(
  r: GitHubRepo,
  opts: { description: string; private: boolean },
): Promise<{ htmlUrl: string }> {
  const { data: account } = await r.octokit.users.getByUsername({
    username: r.owner,
  });
  const common = {
    name: r.repo,
    description: opts.description,
    private: opts.private,
    auto_init: false,
  };
  try {
    if (account.type === 'Organization') {
      const { data } = await r.octokit.repos.createInOrg({
        org: r.owner,
        ...common,
      });
      return { htmlUrl: data.html_url };
    }
    const { data: me } = await r.octokit.users.getAuthenticated();
    if (me.login.toLowerCase() !== r.owner.toLowerCase()) {
      throw new InputError(
        `cannot create a repository for user '${r.owner}': the integration token belongs to '${me.login}'`,
      );
    }
    const { data } = await r.octokit.repos.createForAuthenticatedUser(common);
    return { htmlUrl: data.html_url };
  } catch (e) {
    if (statusOf(e) === 422) {
      throw new InputError(`repository ${r.owner}/${r.repo} already exists`);
    }
    throw e;
  }
}

/** Head commit sha of a branch, or undefined when the branch (or any commit) does not exist. */
export async function branchHead(
  r: GitHubRepo,
  branch: string,
): Promise<string | undefined> {
  try {
    const { data } = await r.octokit.git.getRef({
      owner: r.owner,
      repo: r.repo,
      ref: `heads/${branch}`,
    });
    return data.object.sha;
  } catch (e) {
    const status = statusOf(e);
    if (status === 404 || status === 409) return undefined; // 409: empty repository
    throw e;
  }
}

/** Commit message of a commit. */
export async function commitMessage(
  r: GitHubRepo,
  sha: string,
): Promise<string> {
  const { data } = await r.octokit.git.getCommit({
    owner: r.owner,
    repo: r.repo,
    commit_sha: sha,
  });
  return data.message;
}

/** A file's text at a ref, or undefined when it does not exist. */
export async function readText(
  r: GitHubRepo,
  path: string,
  ref: string,
): Promise<string | undefined> {
  try {
    const { data } = await r.octokit.repos.getContent({
      owner: r.owner,
      repo: r.repo,
      path,
      ref,
    });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
      throw new InputError(`${r.owner}/${r.repo}:${path} is not a file`);
    }
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (e) {
    if (statusOf(e) === 404) return undefined;
    throw e;
  }
}

/**
 * Writes all `files` as ONE commit through the git data API (blobs -> tree -> commit)
 * on top of `parent` (or as a root commit), then points `refs/heads/<branch>` at it:
 * created when `createBranch`, else fast-forwarded from `parent`.
 */
export async function commitFiles(
  r: GitHubRepo,
  opts: {
    branch: string;
    files: Files;
    message: string;
    parent?: string;
    createBranch: boolean;
  },
): Promise<string> {
  const { owner, repo, octokit } = r;
  const tree = [];
  for (const [path, content] of Object.entries(opts.files).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const { data: blob } = await octokit.git.createBlob({
      owner,
      repo,
      content: Buffer.from(content, 'utf8').toString('base64'),
      encoding: 'base64',
    });
    tree.push({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      sha: blob.sha,
    });
  }
  let baseTree: string | undefined;
  if (opts.parent) {
    const { data: parent } = await octokit.git.getCommit({
      owner,
      repo,
      commit_sha: opts.parent,
    });
    baseTree = parent.tree.sha;
  }
  const { data: newTree } = await octokit.git.createTree({
    owner,
    repo,
    tree,
    ...(baseTree ? { base_tree: baseTree } : {}),
  });
  const { data: commit } = await octokit.git.createCommit({
    owner,
    repo,
    message: opts.message,
    tree: newTree.sha,
    parents: opts.parent ? [opts.parent] : [],
  });
  try {
    if (opts.createBranch) {
      await octokit.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${opts.branch}`,
        sha: commit.sha,
      });
    } else {
      await octokit.git.updateRef({
        owner,
        repo,
        ref: `heads/${opts.branch}`,
        sha: commit.sha,
        force: false,
      });
    }
  } catch (e) {
    const status = statusOf(e);
    if (status === 422 || status === 409) {
      throw new ConflictError(
        `${owner}/${repo}: branch '${opts.branch}' changed while committing; retry the task`,
      );
    }
    if (status === 404) throw new NotFoundError(`${owner}/${repo} not found`);
    throw e;
  }
  return commit.sha;
}
