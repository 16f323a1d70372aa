import type { Octokit } from '@octokit/rest';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { ConfigRepoTarget } from './configRepoTarget';
import { ConfigRepoPull, PullJson, toConfigRepoPull } from './configRepoPull';
import { credentialLogins } from './credentialLogins';
import { UnprocessableError } from '../errors';
import { GitHubWriteError } from './GitHubWriteError';
import { messageOf, statusOf } from './octokitErrors';

/** Open pull requests read per page, and the most pages read. */
const PULLS_PER_PAGE = 100;
const MAX_PULL_PAGES = 10;

/** Files larger than this are refused by {@link ConfigRepoClient.readFile} unless asked otherwise. */
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * A file and its blob sha.
 * @public
 */
export interface RepoFileContent {
  /** The file's text (UTF-8). */
  content: string;
  /** Its blob sha. */
  sha: string;
  /** Its size in bytes. */
  size: number;
}

/**
 * How a {@link ConfigRepoClient} words its errors.
 * @public
 */
export interface ConfigRepoClientOptions {
  /** Removes secrets from error messages (GitHub's text, or undici's, may quote headers). Default: none. */
  redact?: (text: string) => string;
}

/**
 * The one client of a config repository (promotion in the backend plugin,
 * the scaffolder module's actions): create the repository, read files at a
 * ref, create one commit with several files (git data API: tree with inline
 * content + commit), create/move branches, find and open pull requests.
 * Never merges, never force-writes the base branch. Every failure leaves as
 * an `@backstage/errors` error: 404 `NotFoundError`, 401/403
 * `NotAllowedError`, 409/422 {@link GitHubWriteError}, 400 `ConflictError`,
 * anything else `ServiceUnavailableError`.
 * @public
 */
export class ConfigRepoClient {
  private logins?: Promise<ReadonlySet<string>>;
  private readonly redact: (text: string) => string;

  constructor(
    private readonly octokit: Octokit,
    /** The repository and how it is reached. */
    readonly target: ConfigRepoTarget,
    options: ConfigRepoClientOptions = {},
  ) {
    this.redact = options.redact ?? (text => text);
  }

  /** `owner/repo`. */
  get name(): string {
    return `${this.target.owner}/${this.target.repo}`;
  }

  private get repoArgs() {
    return { owner: this.target.owner, repo: this.target.repo };
  }

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

  /** Whether the repository exists (and the credentials can see it). */
  async exists(): Promise<boolean> {
    try {
      await this.octokit.rest.repos.get(this.repoArgs);
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw this.mapError(e, 'read the repository');
    }
  }

  /**
   * Creates the repository, empty (no auto-init), under its owner: an
   * organisation, or the user the credentials act as (another user's
   * account is refused). An existing repository is a `ConflictError`.
   */
  async createRepository(options: {
    description: string;
    private: boolean;
  }): Promise<{ htmlUrl: string }> {
    const { owner, repo } = this.target;
    const common = {
      name: repo,
      description: options.description,
      private: options.private,
      auto_init: false,
    };
    try {
      const { data: account } = await this.octokit.rest.users.getByUsername({
        username: owner,
      });
      if (account.type === 'Organization') {
        const { data } = await this.octokit.rest.repos.createInOrg({
          org: owner,
          ...common,
        });
        return { htmlUrl: data.html_url };
      }
      const { data: me } = await this.octokit.rest.users.getAuthenticated();
      if (me.login.toLowerCase() !== owner.toLowerCase()) {
        throw new InputError(
          `cannot create a repository for user '${owner}': the integration token belongs to '${me.login}'`,
        );
      }
      const { data } = await this.octokit.rest.repos.createForAuthenticatedUser(
        common,
      );
      return { htmlUrl: data.html_url };
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (statusOf(e) === 422) {
        throw new ConflictError(`repository ${this.name} already exists`);
      }
      throw this.mapError(e, 'create the repository');
    }
  }

  /** Head sha of a branch, or undefined when it (or any commit: an empty repository) does not exist. */
  async branchSha(branch: string): Promise<string | undefined> {
    try {
      const res = await this.octokit.rest.git.getRef({
        ...this.repoArgs,
        ref: `heads/${branch}`,
      });
      return res.data.object.sha;
    } catch (e) {
      const status = statusOf(e);
      if (status === 404 || status === 409) return undefined; // 409: empty repository
      throw this.mapError(e, `read branch ${branch}`);
    }
  }

  /** The message of a commit. */
  async commitMessage(sha: string): Promise<string> {
    try {
      const { data } = await this.octokit.rest.git.getCommit({
        ...this.repoArgs,
        commit_sha: sha,
      });
      return data.message;
    } catch (e) {
      throw this.mapError(e, `read commit ${sha}`);
    }
  }

  /** A file at a commit; undefined when absent. Refuses files over `maxBytes` (default 1 MiB). */
  async readFile(
    path: string,
    ref: string,
    maxBytes = DEFAULT_MAX_FILE_BYTES,
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

  /**
   * Creates one commit replacing the given files (sorted by path) on top of
   * `parent`, or a root commit holding only them when `parent` is undefined;
   * returns its sha. No branch moves: see {@link ConfigRepoClient.createBranch}.
   */
  async createCommit(
    parent: string | undefined,
    files: Record<string, string>,
    message: string,
  ): Promise<string> {
    try {
      const base = parent
        ? await this.octokit.rest.git.getCommit({
            ...this.repoArgs,
            commit_sha: parent,
          })
        : undefined;
      const tree = await this.octokit.rest.git.createTree({
        ...this.repoArgs,
        ...(base ? { base_tree: base.data.tree.sha } : {}),
        tree: Object.entries(files)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([path, content]) => ({
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
        parents: parent ? [parent] : [],
      });
      return commit.data.sha;
    } catch (e) {
      throw this.mapError(e, 'create the commit');
    }
  }

  /** Creates `branch` at `sha`. 422 "Reference already exists" becomes a `GitHubWriteError` (422). */
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
   * Open pull requests into `base` (only those from `branch` of this
   * repository when given), every page (at most 1,000; more is refused
   * rather than deciding on a partial list).
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
        out.push(...(res.data as PullJson[]).map(toConfigRepoPull));
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

  /** Opens a pull request. 422 (already exists) becomes a `GitHubWriteError` (422). */
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
      return toConfigRepoPull(res.data as PullJson);
    } catch (e) {
      throw this.mapError(e, 'open the pull request');
    }
  }

  private mapError(e: unknown, what: string): Error {
    if (e instanceof ServiceUnavailableError) {
      e.message = this.redact(e.message);
      return e;
    }
    const status = statusOf(e);
    const message = this.redact(
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
