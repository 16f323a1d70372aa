import type { Octokit } from '@octokit/rest';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { redactSecrets } from '../../redaction/registry';
import { UnprocessableError } from '../../errors';
import { ConfigRepoTarget, credentialLogins } from './githubOctokit';

export type { ConfigRepoTarget, ConfigRepoApp } from './githubOctokit';
export { createConfigRepoOctokit } from './githubOctokit';

/** Open pull requests read per page, and the most pages read. */
const PULLS_PER_PAGE = 100;
const MAX_PULL_PAGES = 10;

/** A file and its blob sha. */
export interface RepoFileContent {
  content: string;
  sha: string;
  size: number;
}

/** A pull request, reduced to what promotion needs. */
export interface ConfigRepoPull {
  number: number;
  url: string;
  branch: string;
  base: string;
  body: string;
  state: string;
  /** Login of the PR's author (`user.login`; an App shows as `<slug>[bot]`). */
  author?: string;
  /** `owner/repo` the head branch lives in (another one for a fork). */
  headRepo?: string;
}

interface PullJson {
  number: number;
  html_url: string;
  body?: string | null;
  state: string;
  user?: { login?: string } | null;
  head: { ref: string; repo?: { full_name?: string } | null };
  base: { ref: string };
}

function toPull(p: PullJson): ConfigRepoPull {
  return {
    number: p.number,
    url: p.html_url,
    branch: p.head.ref,
    base: p.base.ref,
    body: p.body ?? '',
    state: p.state,
    author: p.user?.login ?? undefined,
    headRepo: p.head.repo?.full_name ?? undefined,
  };
}

/**
 * A GitHub write refused with 409 or 422 (e.g. "Reference already exists"),
 * for the retry/reuse logic: a `ConflictError` (409) if it ever leaves the
 * service. The upstream's status is `upstreamStatus`, not `status`, which
 * Backstage's error middleware would send as our response status.
 */
export class GitHubWriteError extends ConflictError {
  constructor(readonly upstreamStatus: number, message: string) {
    super(message);
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
  const extra = data?.errors
    ?.map(x => x.message)
    .filter(Boolean)
    .join('; ');
  return [data?.message ?? (e as Error)?.message ?? String(e), extra]
    .filter(Boolean)
    .join(': ');
}

/**
 * The write side of one config repository through `@octokit/rest`: read
 * files at a commit, create one commit with several files (git data API:
 * tree with inline content + commit), create/move the promotion branch, find
 * and open pull requests. Never merges, never writes to the base branch.
 */
export class ConfigRepoClient {
  private logins?: Promise<ReadonlySet<string>>;

  constructor(
    private readonly octokit: Octokit,
    readonly target: ConfigRepoTarget,
  ) {}

  /**
   * The logins our credentials act as (lower-cased): the token's user, or
   * `<app-slug>[bot]` for a GitHub App. Empty when unknown (then no pull
   * request counts as ours). Cached once known.
   */
  async identity(): Promise<ReadonlySet<string>> {
    if (!this.logins) {
      this.logins = credentialLogins(this.octokit, this.target).then(
        l => new Set(l.map(x => x.toLowerCase())),
      );
      this.logins.catch(() => {
        this.logins = undefined;
      });
    }
    try {
      return await this.logins;
    } catch (e) {
      throw this.mapError(
        e,
        'learn which GitHub identity the credentials act as',
      );
    }
  }

  /** True when `pull` was opened from this repository by our identity. */
  async isOurs(pull: ConfigRepoPull): Promise<boolean> {
    if (
      !pull.headRepo ||
      pull.headRepo.toLowerCase() !== this.name.toLowerCase()
    ) {
      return false;
    }
    const logins = await this.identity();
    return Boolean(pull.author && logins.has(pull.author.toLowerCase()));
  }

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
      data = (
        await this.octokit.rest.repos.getContent({
          ...this.repoArgs,
          path,
          ref,
        })
      ).data;
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
      throw new UnprocessableError(
        `${path}: GitHub did not return its content`,
      );
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

  /**
   * Open pull requests into `base`, every page (at most 1,000; more is
   * refused rather than deciding on a partial list).
   */
  async openPulls(base: string, branch?: string): Promise<ConfigRepoPull[]> {
    const out: ConfigRepoPull[] = [];
    try {
      for (let page = 1; page <= MAX_PULL_PAGES; page++) {
        const res = await this.octokit.rest.pulls.list({
          ...this.repoArgs,
          state: 'open',
          base,
          ...(branch ? { head: `${this.target.owner}:${branch}` } : {}),
          per_page: PULLS_PER_PAGE,
          page,
        });
        out.push(...(res.data as PullJson[]).map(toPull));
        if (res.data.length < PULLS_PER_PAGE) return out;
      }
    } catch (e) {
      throw this.mapError(e, 'list pull requests');
    }
    throw new ServiceUnavailableError(
      `GitHub ${this.name}: more than ${
        MAX_PULL_PAGES * PULLS_PER_PAGE
      } open pull requests into ${base}; refusing to decide on a partial list`,
    );
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
      return toPull(res.data as PullJson);
    } catch (e) {
      throw this.mapError(e, 'open the pull request');
    }
  }

  private get name() {
    return `${this.target.owner}/${this.target.repo}`;
  }

  private mapError(e: unknown, what: string): Error {
    if (e instanceof ServiceUnavailableError) {
      e.message = redactSecrets(e.message);
      return e;
    }
    const status = statusOf(e);
    // GitHub's message (or undici's, which quotes header values) may carry a secret
    const message = redactSecrets(
      `GitHub ${this.name}: could not ${what}: ${messageOf(e)}`,
    );
    if (status === 409 || status === 422)
      return new GitHubWriteError(status, message);
    if (status === 404) return new NotFoundError(message);
    if (status === 401 || status === 403) {
      // branch protection or a token without write access: never bypassed
      return new NotAllowedError(message);
    }
    if (status === 400) return new ConflictError(message);
    return new ServiceUnavailableError(message);
  }
}
