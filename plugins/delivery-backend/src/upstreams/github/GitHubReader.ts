import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { checkShape, UpstreamError, withRetries } from '../http';
import { createGitHubOctokit } from './githubOctokit';
import { GitHubGraphQL } from './GitHubGraphQL';
import {
  classifyOctokitError,
  type OctokitErrorLike,
  rateLimitResetOf,
} from './githubErrors';
import {
  closedPullsSchema,
  compareSchema,
  MergedPull,
  pullMergedBySchema,
  toMergedPulls,
} from './historySchemas';

export type { MergedPull } from './historySchemas';

/** Where ETags and the bodies they validate are kept. */
export interface EtagStore {
  get(key: string): Promise<{ etag: string; data: unknown } | undefined>;
  set(key: string, value: { etag: string; data: unknown }): Promise<void>;
}

/** A file read from a repository. */
export interface RepoFile {
  content: string;
  /** Blob sha. */
  sha: string;
}

/** An open pull request, reduced. */
export interface PullSummary {
  number: number;
  url: string;
  title: string;
  branch: string;
  author?: string;
  createdAt?: string;
}

/** A tag, peeled to the commit it names. */
export interface TagSummary {
  name: string;
  sha: string;
}

/** A commit, reduced. */
export interface CommitSummary {
  sha: string;
  /** The full message. */
  message: string;
  author?: string;
  /** Committer date (ISO). */
  date?: string;
  parents: string[];
  url?: string;
}

/** At most this many tags/commits per list (one page). */
export const LIST_PAGE_SIZE = 100;
/** Pages of open pull requests read at most (1,000 pull requests). */
const MAX_PULL_PAGES = 10;

const tagsSchema = z.array(
  z.object({ name: z.string(), commit: z.object({ sha: z.string() }) }),
);
const commitSchema = z.object({
  sha: z.string(),
  html_url: z.string().optional(),
  commit: z.object({
    message: z.string(),
    author: z
      .object({ name: z.string().optional(), date: z.string().optional() })
      .nullable()
      .optional(),
    committer: z.object({ date: z.string().optional() }).nullable().optional(),
  }),
  parents: z.array(z.object({ sha: z.string() })).default([]),
});

function toCommit(c: z.infer<typeof commitSchema>): CommitSummary {
  return {
    sha: c.sha,
    message: c.commit.message,
    author: c.commit.author?.name,
    date: c.commit.committer?.date ?? c.commit.author?.date,
    parents: c.parents.map(p => p.sha),
    url: c.html_url,
  };
}

const fileSchema = z.object({
  type: z.literal('file'),
  sha: z.string(),
  encoding: z.string().optional(),
  content: z.string().optional(),
});
const branchSchema = z.object({ commit: z.object({ sha: z.string() }) });
const pullsSchema = z.array(
  z.object({
    number: z.number(),
    html_url: z.string(),
    title: z.string(),
    created_at: z.string().optional(),
    user: z.object({ login: z.string() }).nullable().optional(),
    head: z.object({ ref: z.string() }),
  }),
);

/**
 * Read side of GitHub (github.com or Enterprise) through `@octokit/rest`:
 * conditional requests with cached ETags (a 304 costs no rate limit), GET
 * retries with jitter, and rate-limit headers obeyed (no requests until the
 * reset once `x-ratelimit-remaining` hits 0).
 */
export class GitHubReader {
  private blockedUntil = 0;
  /**
   * GraphQL reads with this reader's Octokit: the same credentials and
   * bounded fetch (a POST, so never conditional; see GitHubGraphQL).
   */
  readonly graphql: GitHubGraphQL;

  private constructor(
    private readonly octokit: Octokit,
    private readonly apiBaseUrl: string,
    private readonly etags: EtagStore | undefined,
    private readonly maxPullPages: number,
  ) {
    this.graphql = new GitHubGraphQL(octokit, classifyOctokitError);
  }

  static create(options: {
    apiBaseUrl: string;
    token?: string;
    /** Used when there is no static token (GitHub App credentials). */
    getToken?: () => Promise<string | undefined>;
    timeoutMs: number;
    maxBytes?: number;
    etags?: EtagStore;
    /** Most pages of 100 open pull requests read (default 10). */
    maxPullPages?: number;
  }): GitHubReader {
    const octokit = createGitHubOctokit({
      apiBaseUrl: options.apiBaseUrl,
      token: options.token,
      getToken: options.getToken,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
    });
    return new GitHubReader(
      octokit,
      options.apiBaseUrl,
      options.etags,
      options.maxPullPages ?? MAX_PULL_PAGES,
    );
  }

  /** A file's text at a ref (branch or sha). */
  async getFile(
    owner: string,
    repo: string,
    path: string,
    ref: string,
  ): Promise<RepoFile> {
    const what = `GitHub ${owner}/${repo}/${path}@${ref.slice(0, 12)}`;
    const data = await this.conditionalGet(
      `contents:${owner}/${repo}/${path}@${ref}`,
      what,
      headers =>
        this.octokit.rest.repos.getContent({ owner, repo, path, ref, headers }),
    );
    const file = checkShape(fileSchema, data, what);
    if (file.encoding !== 'base64' || file.content === undefined) {
      throw new UpstreamError(
        'bad-response',
        `${what}: file content not included (too large?)`,
      );
    }
    return {
      content: Buffer.from(file.content, 'base64').toString('utf8'),
      sha: file.sha,
    };
  }

  /** The head commit sha of a branch. */
  async getBranchHead(
    owner: string,
    repo: string,
    branch: string,
  ): Promise<string> {
    const what = `GitHub ${owner}/${repo} branch ${branch}`;
    const data = await this.conditionalGet(
      `branch:${owner}/${repo}@${branch}`,
      what,
      headers =>
        this.octokit.rest.repos.getBranch({ owner, repo, branch, headers }),
    );
    return checkShape(branchSchema, data, what).commit.sha;
  }

  /** The newest tags (one page of 100), each peeled to its commit. */
  async listTags(owner: string, repo: string): Promise<TagSummary[]> {
    const what = `GitHub ${owner}/${repo} tags`;
    const data = await this.conditionalGet(
      `tags:${owner}/${repo}`,
      what,
      headers =>
        this.octokit.rest.repos.listTags({
          owner,
          repo,
          per_page: LIST_PAGE_SIZE,
          headers,
        }),
    );
    return checkShape(tagsSchema, data, what).map(t => ({
      name: t.name,
      sha: t.commit.sha,
    }));
  }

  /** The newest commits reachable from `ref` (one page of 100), optionally touching `path`. */
  async listCommits(
    owner: string,
    repo: string,
    ref: string,
    options: { path?: string; perPage?: number } = {},
  ): Promise<CommitSummary[]> {
    const what = commitsWhat(owner, repo, ref, options.path);
    const data = await this.conditionalGet(
      `commits:${owner}/${repo}@${ref}:${options.path ?? ''}:${
        options.perPage ?? LIST_PAGE_SIZE
      }`,
      what,
      headers =>
        this.octokit.rest.repos.listCommits({
          owner,
          repo,
          sha: ref,
          path: options.path,
          per_page: options.perPage ?? LIST_PAGE_SIZE,
          headers,
        }),
    );
    return checkShape(z.array(commitSchema), data, what).map(toCommit);
  }

  /** One commit by sha. */
  async getCommit(
    owner: string,
    repo: string,
    sha: string,
  ): Promise<CommitSummary> {
    const what = `GitHub ${owner}/${repo} commit ${sha.slice(0, 12)}`;
    const data = await this.conditionalGet(
      `commit:${owner}/${repo}@${sha}`,
      what,
      headers =>
        this.octokit.rest.repos.getCommit({ owner, repo, ref: sha, headers }),
    );
    return toCommit(checkShape(commitSchema, data, what));
  }

  /**
   * Commits reachable from `ref` (touching `path`) committed at or after
   * `since`, newest first, at most `maxPages` pages of 100; `truncated` when
   * more remained.
   */
  async listCommitsSince(
    owner: string,
    repo: string,
    ref: string,
    options: { path?: string; since?: string; maxPages: number },
  ): Promise<{ commits: CommitSummary[]; truncated: boolean }> {
    const what = commitsWhat(owner, repo, ref, options.path);
    const commits: CommitSummary[] = [];
    for (let page = 1; page <= options.maxPages; page++) {
      const data = await this.conditionalGet(
        `commits-since:${owner}/${repo}@${ref}:${options.path ?? ''}:${
          options.since ?? ''
        }:${page}`,
        what,
        headers =>
          this.octokit.rest.repos.listCommits({
            owner,
            repo,
            sha: ref,
            path: options.path,
            since: options.since,
            per_page: LIST_PAGE_SIZE,
            page,
            headers,
          }),
      );
      const list = checkShape(z.array(commitSchema), data, what).map(toCommit);
      commits.push(...list);
      if (list.length < LIST_PAGE_SIZE) return { commits, truncated: false };
    }
    return { commits, truncated: true };
  }

  /**
   * The commits `head` has that `base` has not (GitHub lists at most 250,
   * oldest first; `total` is the real count).
   */
  async compareCommits(
    owner: string,
    repo: string,
    base: string,
    head: string,
  ): Promise<{ commits: CommitSummary[]; total: number }> {
    const what = `GitHub ${owner}/${repo} compare ${base}...${head}`;
    const data = await this.conditionalGet(
      `compare:${owner}/${repo}:${base}...${head}`,
      what,
      headers =>
        this.octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${base}...${head}`,
          per_page: 250,
          headers,
        }),
    );
    const cmp = checkShape(compareSchema, data, what);
    return {
      commits: checkShape(z.array(commitSchema), cmp.commits, what).map(
        toCommit,
      ),
      total: cmp.total_commits,
    };
  }

  /** The most recently updated merged pull requests (one page of `perPage`). */
  async listMergedPulls(
    owner: string,
    repo: string,
    perPage = LIST_PAGE_SIZE,
  ): Promise<MergedPull[]> {
    const what = `GitHub ${owner}/${repo} closed pulls`;
    const data = await this.conditionalGet(
      `closed-pulls:${owner}/${repo}:${perPage}`,
      what,
      headers =>
        this.octokit.rest.pulls.list({
          owner,
          repo,
          state: 'closed',
          sort: 'updated',
          direction: 'desc',
          per_page: perPage,
          headers,
        }),
    );
    return toMergedPulls(checkShape(closedPullsSchema, data, what));
  }

  /**
   * The merged pull requests that brought a commit (GitHub "list pull
   * requests associated with a commit"), newest first.
   */
  async listMergedPullsOfCommit(
    owner: string,
    repo: string,
    sha: string,
  ): Promise<MergedPull[]> {
    const what = `GitHub ${owner}/${repo} pulls of commit ${sha.slice(0, 12)}`;
    const data = await this.conditionalGet(
      `commit-pulls:${owner}/${repo}@${sha}`,
      what,
      headers =>
        this.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
          owner,
          repo,
          commit_sha: sha,
          per_page: LIST_PAGE_SIZE,
          headers,
        }),
    );
    return toMergedPulls(checkShape(closedPullsSchema, data, what));
  }

  /** Who merged a pull request (only the single-pull read names them). */
  async getPullMergedBy(
    owner: string,
    repo: string,
    number: number,
  ): Promise<string | undefined> {
    const what = `GitHub ${owner}/${repo} pull ${number}`;
    const data = await this.conditionalGet(
      `pull:${owner}/${repo}#${number}`,
      what,
      headers =>
        this.octokit.rest.pulls.get({
          owner,
          repo,
          pull_number: number,
          headers,
        }),
    );
    return checkShape(pullMergedBySchema, data, what).merged_by?.login;
  }

  /**
   * Open pull requests, newest first, every page (GitHub answers at most 100
   * per page). More than `maxPullPages` pages is an error saying the list
   * would be incomplete, never a silently truncated list.
   */
  async listOpenPulls(owner: string, repo: string): Promise<PullSummary[]> {
    const what = `GitHub ${owner}/${repo} pulls`;
    const out: PullSummary[] = [];
    for (let page = 1; page <= this.maxPullPages; page++) {
      const data = await this.conditionalGet(
        `pulls:${owner}/${repo}:${page}`,
        what,
        headers =>
          this.octokit.rest.pulls.list({
            owner,
            repo,
            state: 'open',
            per_page: LIST_PAGE_SIZE,
            page,
            headers,
          }),
      );
      const pulls = checkShape(pullsSchema, data, what);
      out.push(
        ...pulls.map(p => ({
          number: p.number,
          url: p.html_url,
          title: p.title,
          branch: p.head.ref,
          author: p.user?.login,
          createdAt: p.created_at,
        })),
      );
      if (pulls.length < LIST_PAGE_SIZE) return out;
    }
    throw new UpstreamError(
      'bad-response',
      `${what}: more than ${
        this.maxPullPages * LIST_PAGE_SIZE
      } open pull requests; the list would be incomplete`,
    );
  }

  private async conditionalGet(
    key: string,
    what: string,
    call: (
      headers: Record<string, string>,
    ) => Promise<{ data: unknown; headers: Record<string, unknown> }>,
  ): Promise<unknown> {
    const cacheKey = `${this.apiBaseUrl}|${key}`;
    const cached = await this.etags?.get(cacheKey).catch(() => undefined);
    return withRetries(async () => {
      if (Date.now() < this.blockedUntil) {
        throw new UpstreamError(
          'unavailable',
          `${what}: GitHub rate limit exhausted until ${new Date(
            this.blockedUntil,
          ).toISOString()}`,
          { upstreamStatus: 429 },
        );
      }
      try {
        const res = await call(cached ? { 'if-none-match': cached.etag } : {});
        this.noteRateLimit(res.headers);
        const etag = res.headers.etag;
        if (typeof etag === 'string' && this.etags) {
          await this.etags
            .set(cacheKey, { etag, data: res.data })
            .catch(() => undefined);
        }
        return res.data;
      } catch (e) {
        const err = e as OctokitErrorLike;
        if (err.status === 304 && cached) return cached.data;
        throw this.classify(e, what);
      }
    });
  }

  private noteRateLimit(headers: Record<string, unknown> | undefined) {
    const reset = rateLimitResetOf(headers);
    if (reset !== undefined) this.blockedUntil = reset;
  }

  private classify(e: unknown, what: string): UpstreamError {
    const { error, rateLimitResetMs, retryAfterUntilMs } = classifyOctokitError(
      e,
      what,
    );
    if (rateLimitResetMs !== undefined) this.blockedUntil = rateLimitResetMs;
    if (retryAfterUntilMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, retryAfterUntilMs);
    }
    return error;
  }
}

/** How errors name a commit listing: `GitHub owner/repo commits of ref touching path`. */
function commitsWhat(
  owner: string,
  repo: string,
  ref: string,
  path?: string,
): string {
  return `GitHub ${owner}/${repo} commits of ${ref}${
    path ? ` touching ${path}` : ''
  }`;
}
