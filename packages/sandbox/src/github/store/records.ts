import type { GitPerson, GitRepo } from './gitRepo';

/** A user or organization known to the simulator. */
export interface Account {
  login: string;
  id: number;
  type: 'User' | 'Organization' | 'Bot';
  createdAt: string;
}

export interface PullRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  headRef: string;
  baseRef: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  mergedBy: string | null;
  /** Head/base shas frozen when the pull request is closed (or the branch is deleted). */
  frozenHeadSha?: string;
  frozenBaseSha?: string;
}

export interface RepoRecord {
  id: number;
  owner: Account;
  name: string;
  defaultBranch: string;
  private: boolean;
  description: string | null;
  homepage: string | null;
  isTemplate: boolean;
  templateRepo?: RepoRecord;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  git: GitRepo;
  pulls: PullRecord[];
  nextNumber: number;
  seedShas: Map<string, string>;
  /** Branch protection as last PUT (`branches/{b}/protection`), keyed by branch name. */
  protection: Map<string, Record<string, unknown>>;
  /** Serializes every mutation of this repository (compare-and-swap semantics like GitHub). */
  lock: Mutex;
}

/** A promise-chain mutex. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoFromPerson(p: GitPerson): string {
  return new Date(p.timestamp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function personAt(name: string, email: string, iso?: string): GitPerson {
  const ms = iso ? Date.parse(iso) : Date.now();
  if (Number.isNaN(ms)) throw new Error(`Invalid date '${iso}'`);
  return { name, email, timestamp: Math.floor(ms / 1000), timezoneOffset: 0 };
}
