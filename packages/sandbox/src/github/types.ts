/**
 * Public contract of the sandbox GitHub Enterprise simulator.
 * Other sandbox modules (world file, control API, server wrapper) code against these types.
 */

/** A commit to seed into a repository. @public */
export interface GitHubCommitSeed {
  /** Stable id used by the world file to reference this commit (see GitHubStore.commitSha). */
  id?: string;
  message: string;
  author?: { name: string; email: string };
  /** ISO timestamp; seeds with fixed dates give deterministic shas. */
  date?: string;
  /** path -> file content; `null` deletes the file. */
  files: Record<string, string | null>;
}

/** A repository to seed. @public */
export interface GitHubRepoSeed {
  owner: string;
  name: string;
  ownerType?: 'Organization' | 'User';
  defaultBranch?: string;
  private?: boolean;
  description?: string;
  /** Applied in order on defaultBranch. */
  commits: GitHubCommitSeed[];
  branches?: Array<{
    name: string;
    /** Commit seed id or branch name; default: defaultBranch head. */
    from?: string;
    commits: GitHubCommitSeed[];
  }>;
  /** Branches protected with required pull request reviews (direct writes are rejected). */
  protectedBranches?: string[];
  pulls?: Array<{
    head: string;
    base: string;
    title: string;
    body?: string;
    user?: string;
  }>;
}

/** Emitted after `PUT /repos/{o}/{r}/pulls/{n}/merge` succeeded. @public */
export interface PullMergedEvent {
  owner: string;
  repo: string;
  number: number;
  base: string;
  mergeCommitSha: string;
  mergedBy?: string;
}

/** Direct (non-HTTP) access to the git store behind the simulator. @public */
export interface GitHubStore {
  readFile(
    owner: string,
    repo: string,
    ref: string,
    path: string,
  ): Promise<string | undefined>;
  headSha(
    owner: string,
    repo: string,
    branch: string,
  ): Promise<string | undefined>;
  commitFiles(
    owner: string,
    repo: string,
    branch: string,
    message: string,
    files: Record<string, string | null>,
    author?: { name: string; email: string },
  ): Promise<string>;
  /** Seed commit id -> sha. */
  commitSha(owner: string, repo: string, id: string): string | undefined;
  /** e.g. http://127.0.0.1:7105/stakater/xposer */
  htmlUrl(owner: string, repo: string): string;
  /**
   * Drops every repository, pull request and counter and re-applies the seeds
   * (same seeds with fixed dates -> same shas). The express app keeps working.
   */
  reset(seeds: GitHubRepoSeed[]): Promise<void>;
}

/** Options for createGitHubApp. @public */
export interface GitHubAppOptions {
  seeds: GitHubRepoSeed[];
  /** Accepted as `Authorization: token X` or `Bearer X`. */
  token: string;
  /** e.g. http://127.0.0.1:7105 (the REST API is served under `${baseUrl}/api/v3`). */
  baseUrl: string;
  onPullMerged?: (e: PullMergedEvent) => void;
  /** Login the token authenticates as (`GET /user`, PR author, merger). Default `delivery-bot`. */
  viewer?: string;
  /** Primary rate limit per hour (`x-ratelimit-limit`). Default 5000. */
  rateLimit?: number;
}
