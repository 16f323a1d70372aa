import type { Octokit } from '@octokit/rest';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { UnprocessableError } from './errors';
import type { ConfigRepoTarget } from './githubOctokit';

export type { ConfigRepoTarget } from './githubOctokit';
export { createConfigRepoOctokit } from './githubOctokit';

/** A file and its blob sha. @public */
export interface RepoFileContent {
  content: string;
  sha: string;
  size: number;
}

/** A pull request, reduced to what promotion needs. @public */
export interface ConfigRepoPull {
  number: number;
  url: string;
  branch: string;
  base: string;
  body: string;
  state: string;
}

/** Failure status of a GitHub call, for the retry/reuse logic. @public */
export class GitHubWriteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GitHubWriteError';
  }
}

interface OctokitErrorLike {
  status?: number;
  message?: string;
  response?: {
    headers?: Record<string, string | number | undefined>;
    data?: unknown;
  };
}

function statusOf(e: unknown): number | undefined {
  return (e as OctokitErrorLike)?.status;
}

function messageOf(e: unknown): string {
  const data = (e as OctokitErrorLike)?.response?.data as
    | { message?: string; errors?: Array<{ message?: string }> }
    | undefined;
  const extra = data?.errors?.map(x => x.message).filter(Boolean).join('; ');
  return [data?.message ?? (e as Error)?.message ?? String(e), extra]
    .filter(Boolean)
    .join(': ');
}

/**
 * The write side of one config repository through `@octokit/rest`: read
 * files at a commit, create one commit with several files (git data API:
 * tree with inline content + commit), create/move the promotion branch, find
 * and open pull requests. Never merges, never writes to the base branch.
 * @public
 */
export class ConfigRepoClient {
  constructor(
    private readonly octokit: Octokit,
    readonly target: ConfigRepoTarget,
  ) {}

  private get repoArgs() {
    return { owner: this.target.owner, repo: this.target.repo };
  }

  /** Head sha of a branch, or undefined when it does not exist. */
  async branchSha(branch: string): Promise<string | undefined> {
    try {
      const res = await this.octokit.rest.git.getRef({
        ...this.repoArgs,
        ref: `heads/${branch}`,
      });
      return res.data.object.sha;
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw this.mapError(e, `read branch ${branch}`);
    }
  }

  /** A file at a commit; undefined when absent. Refuses files over `maxBytes`. */
  async readFile(
    path: string,
    ref: string,
    maxBytes: number,
  ): Promise<RepoFileContent | undefined> {
    let data: unknown;
    try {
      data = (await this.octokit.rest.repos.getContent({ ...this.repoArgs, path, ref })).data;
    } catch (e) {
      if (statusOf(e) === 404) return undefined;
      throw this.mapError(e, `read ${path}`);
    }
    const file = data as {
      type?: string;
      size?: number;
      sha?: string;
      content?: string;
      encoding?: string;
    };
    if (Array.isArray(data) || file.type !== 'file' || !file.sha) {
      throw new UnprocessableError(`${path} is not a file in ${this.name}`);
    }
    if ((file.size ?? 0) > maxBytes) {
      throw new UnprocessableError(
        `${path} is ${file.size} bytes, over the ${maxBytes}-byte limit for automated edits`,
      );
    }
    if (file.encoding !== 'base64' || file.content === undefined) {
      throw new UnprocessableError(`${path}: GitHub did not return its content`);
    }
    const content = Buffer.from(file.content, 'base64').toString('utf8');
    return { content, sha: file.sha, size: file.size ?? content.length };
  }

  /** Creates one commit on top of `parent` replacing the given files; returns its sha. */
  async createCommit(
    parent: string,
    files: Record<string, string>,
    message: string,
  ): Promise<string> {
    try {
      const base = await this.octokit.rest.git.getCommit({
        ...this.repoArgs,
        commit_sha: parent,
      });
      const tree = await this.octokit.rest.git.createTree({
        ...this.repoArgs,
        base_tree: base.data.tree.sha,
        tree: Object.entries(files).map(([path, content]) => ({
          path,
          mode: '100644' as const,
          type: 'blob' as const,
          content,
        })),
      });
      const commit = await this.octokit.rest.git.createCommit({
        ...this.repoArgs,
        message,
        tree: tree.data.sha,
        parents: [parent],
      });
      return commit.data.sha;
    } catch (e) {
      throw this.mapError(e, 'create the commit');
    }
  }

  /** Creates `branch` at `sha`. 422 "Reference already exists" -> GitHubWriteError(422). */
  async createBranch(branch: string, sha: string): Promise<void> {
    try {
      await this.octokit.rest.git.createRef({
        ...this.repoArgs,
        ref: `refs/heads/${branch}`,
        sha,
      });
    } catch (e) {
      throw this.mapError(e, `create branch ${branch}`);
    }
  }

  /** Moves our own promotion branch (force: it only ever carries our commit). */
  async moveBranch(branch: string, sha: string): Promise<void> {
    try {
      await this.octokit.rest.git.updateRef({
        ...this.repoArgs,
        ref: `heads/${branch}`,
        sha,
        force: true,
      });
    } catch (e) {
      throw this.mapError(e, `update branch ${branch}`);
    }
  }

  /** Commits on `head` not on `base`, with the files they touch. */
  async compare(
    base: string,
    head: string,
  ): Promise<{ messages: string[]; files: string[]; totalCommits: number }> {
    try {
      const res = await this.octokit.rest.repos.compareCommitsWithBasehead({
        ...this.repoArgs,
        basehead: `${base}...${head}`,
      });
      return {
        messages: res.data.commits.map(c => c.commit.message),
        files: (res.data.files ?? []).map(f => f.filename),
        totalCommits: res.data.total_commits,
      };
    } catch (e) {
      throw this.mapError(e, `compare ${base}...${head}`);
    }
  }

  /** Open pull requests into `base` (first 100). */
  async openPulls(base: string, branch?: string): Promise<ConfigRepoPull[]> {
    try {
      const res = await this.octokit.rest.pulls.list({
        ...this.repoArgs,
        state: 'open',
        base,
        ...(branch ? { head: `${this.target.owner}:${branch}` } : {}),
        per_page: 100,
      });
      return res.data.map(p => ({
        number: p.number,
        url: p.html_url,
        branch: p.head.ref,
        base: p.base.ref,
        body: p.body ?? '',
        state: p.state,
      }));
    } catch (e) {
      throw this.mapError(e, 'list pull requests');
    }
  }

  /** Opens a pull request. 422 (already exists) -> GitHubWriteError(422). */
  async createPull(input: {
    branch: string;
    base: string;
    title: string;
    body: string;
  }): Promise<ConfigRepoPull> {
    try {
      const res = await this.octokit.rest.pulls.create({
        ...this.repoArgs,
        head: input.branch,
        base: input.base,
        title: input.title,
        body: input.body,
        maintainer_can_modify: false,
      });
      return {
        number: res.data.number,
        url: res.data.html_url,
        branch: res.data.head.ref,
        base: res.data.base.ref,
        body: res.data.body ?? '',
        state: res.data.state,
      };
    } catch (e) {
      throw this.mapError(e, 'open the pull request');
    }
  }

  private get name() {
    return `${this.target.owner}/${this.target.repo}`;
  }

  private mapError(e: unknown, what: string): Error {
    if (e instanceof ServiceUnavailableError) return e;
    const status = statusOf(e);
    const message = `GitHub ${this.name}: could not ${what}: ${messageOf(e)}`;
    if (status === 409 || status === 422) return new GitHubWriteError(status, message);
    if (status === 404) return new NotFoundError(message);
    if (status === 401 || status === 403) {
      // branch protection or a token without write access: never bypassed
      return new NotAllowedError(message);
    }
    if (status === 400) return new ConflictError(message);
    return new ServiceUnavailableError(message);
  }
}
