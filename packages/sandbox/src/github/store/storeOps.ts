import type { GitHubTagAnnotation } from '../types';
import type { GitPerson, TreeChanges } from './gitRepo';
import type { Account, RepoRecord } from './records';

export interface StoreConfig {
  baseUrl: string;
  /** Login of the user the token authenticates as. */
  viewer: string;
}

export interface CommitOptions {
  message: string;
  changes: TreeChanges;
  author?: GitPerson;
  committer?: GitPerson;
  /** Compare-and-swap: fail with StoreConflict if the branch head moved. */
  expectHead?: string;
  /** Create the branch from the default branch head when it does not exist. */
  createBranch?: boolean;
}

/** Options of {@link StoreOps.createRepo}. */
export interface CreateRepoOptions {
  owner: Account;
  name: string;
  description?: string | null;
  private?: boolean;
  defaultBranch?: string;
  isTemplate?: boolean;
  homepage?: string | null;
  createdAt?: string;
}

/**
 * What seeding (`seed.ts`) and pull requests (`pulls.ts`) need of the store.
 * Declared here, apart from `store.ts` (which imports them), so that no
 * import circle runs through the store.
 */
export interface StoreOps {
  readonly config: StoreConfig;
  account(login: string, type: Account['type']): Account;
  createRepo(opts: CreateRepoOptions): Promise<RepoRecord>;
  newPullId(): number;
  fileChanges(
    rec: RepoRecord,
    files: Record<string, string | Uint8Array | null>,
  ): Promise<TreeChanges>;
  commitOnBranch(
    rec: RepoRecord,
    branch: string,
    opts: CommitOptions,
  ): Promise<string>;
  touch(rec: RepoRecord, at?: string): void;
  tagInRepo(
    rec: RepoRecord,
    name: string,
    commitSha: string,
    annotation?: GitHubTagAnnotation,
  ): Promise<string>;
}
