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
  /**
   * The change arrives through a merged pull request instead of a direct push: `files` are
   * committed on `pull.branch` (from the branch head, at `pull.openedAt`, by `author`), then
   * merged with a merge commit (at `date`, authored by `pull.mergedBy`, committed by GitHub) and
   * the head branch is deleted. `id` names the merge commit.
   */
  pull?: GitHubMergedPullSeed;
}

/** A pull request that was opened and merged in the seeded history. @public */
export interface GitHubMergedPullSeed {
  branch: string;
  title: string;
  body?: string;
  /** Login of the user who opened it. */
  user: string;
  /** Login of the user who merged it. */
  mergedBy: string;
  /** ISO timestamp of the head commit and of the pull request's creation. */
  openedAt: string;
}

/** The annotation of an annotated tag (`git tag -a`). @public */
export interface GitHubTagAnnotation {
  message: string;
  tagger?: { name: string; email: string };
  /** ISO timestamp (default: now). */
  date?: string;
}

/** A tag to seed: lightweight, or annotated when `annotation` is given. @public */
export interface GitHubTagSeed {
  name: string;
  /** Seed commit id or branch name. */
  target: string;
  annotation?: GitHubTagAnnotation;
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
  /** Tags, created after the commits and branches. */
  tags?: GitHubTagSeed[];
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

/**
 * Emitted after a successful write through the API that may have changed a repository
 * (created it, or moved a ref: contents, git refs, merges, template copies), as a
 * `repository`/`push` webhook would be. Not emitted for store (engine) writes or seeding.
 */
export interface RepoChangedEvent {
  owner: string;
  repo: string;
}

/** A commit as the engine reads it (for Jenkins changeSets). */
export interface CommitInfo {
  sha: string;
  message: string;
  author: { name: string; email: string };
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** Paths changed against the first parent (all files for a root commit). */
  paths: Array<{ file: string; editType: 'add' | 'edit' | 'delete' }>;
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
  /**
   * Creates `refs/tags/<name>` at a commit: lightweight, or pointing at a new annotated tag
   * object. Returns the ref's object sha (the tag object's for annotated tags).
   */
  createTag(
    owner: string,
    repo: string,
    name: string,
    commitSha: string,
    annotation?: GitHubTagAnnotation,
  ): Promise<string>;
  /** Every file path at a ref (empty: unknown repository or ref). */
  listPaths(owner: string, repo: string, ref: string): Promise<string[]>;
  /** The repository's default branch (undefined: no such repository). */
  defaultBranch(owner: string, repo: string): string | undefined;
  /** A commit with the paths it changed. */
  commitInfo(
    owner: string,
    repo: string,
    sha: string,
  ): Promise<CommitInfo | undefined>;
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

/** One installation of a GitHub App (on an org or user account). */
export interface GitHubAppInstallationSeed {
  /** Installation id (`POST /app/installations/{id}/access_tokens`). */
  id: number;
  /** Login of the account the App is installed on. */
  account: string;
  /** `all` (default) or `selected` (then only `repositories`). */
  repositorySelection?: 'all' | 'selected';
  repositories?: string[];
}

/**
 * A GitHub App the simulator knows: JWTs signed with its private key
 * authenticate as the App; its installations hand out access tokens.
 */
export interface GitHubAppSeed {
  /** App id: the JWT's `iss`. */
  id: number;
  /** Also accepted as the JWT's `iss`, as GitHub does. */
  clientId?: string;
  /** URL name; what the App does shows as `<slug>[bot]`. */
  slug: string;
  name?: string;
  /** PEM public key the JWT's RS256 signature is verified with. */
  publicKey: string;
  installations: GitHubAppInstallationSeed[];
  /** Lifetime of installation access tokens (default 3600; tests pass a few seconds). */
  tokenTtlSeconds?: number;
  /** Login of the account that owns the App (default: the first installation's). */
  owner?: string;
}

/** Options for createGitHubApp. @public */
export interface GitHubAppOptions {
  seeds: GitHubRepoSeed[];
  /** Accepted as `Authorization: token X` or `Bearer X`. */
  token: string;
  /** e.g. http://127.0.0.1:7105 (the REST API is served under `${baseUrl}/api/v3`). */
  baseUrl: string;
  onPullMerged?: (e: PullMergedEvent) => void;
  /** Called after API writes that may have created a repository or moved a branch. */
  onRepoChanged?: (e: RepoChangedEvent) => void;
  /** Login the token authenticates as (`GET /user`, PR author, merger). Default `delivery-bot`. */
  viewer?: string;
  /** Primary rate limit per hour (`x-ratelimit-limit`). Default 5000. */
  rateLimit?: number;
  /**
   * GitHub Apps: `Authorization: Bearer <RS256 JWT>` for `/app...`, and the
   * installation tokens (`token ghs_...`) they issue for their repositories.
   */
  apps?: GitHubAppSeed[];
  /** Clock of token expiry and JWT checks (tests move it). Default `Date.now`. */
  now?: () => number;
}
