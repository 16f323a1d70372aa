import type { EnvironmentConfig } from '../../configTypes';
import type {
  CommitSummary,
  PullSummary,
} from '../../upstreams/github/GitHubReader';

/** One read of a config repo the view needs. */
export type ConfigRepoPart =
  | { kind: 'head' }
  | { kind: 'pins' }
  | { kind: 'pulls' }
  | { kind: 'file'; sha: string };

/** The branch head, with the requirements file when it was read along. */
export interface HeadRead {
  headSha: string;
  /** The file at the head (null: absent); undefined when not read with it (REST). */
  content?: string | null;
}

/** The requirements file at commits (sha -> text; null: absent at that commit). */
export type FilesAtCommits = Map<string, string | null>;

export type PartResult =
  | HeadRead
  | CommitSummary[]
  | PullSummary[]
  | string
  | null;

export interface PartKey {
  env: EnvironmentConfig;
  part: ConfigRepoPart;
}

/** Where files at commits of one config repo's requirements file are kept. */
export function filesKey(env: EnvironmentConfig): string {
  return `${env.apiBaseUrl}/${env.owner}/${env.repo}:${env.requirementsPath}`;
}

/** Identifies a part: equal parts of one batch are read once. */
export function partId(k: PartKey): string {
  const { env, part } = k;
  const repo = `${env.apiBaseUrl}/${env.owner}/${env.repo}`;
  switch (part.kind) {
    case 'head':
    case 'pins':
      return `${part.kind}:${repo}@${env.branch}:${env.requirementsPath}`;
    case 'pulls':
      return `pulls:${repo}`;
    default:
      return `file:${repo}@${part.sha}:${env.requirementsPath}`;
  }
}

/** A rejected promise already observed (its reader awaits it later). */
export function rejected<T>(e: unknown): Promise<T> {
  const p = Promise.reject(e);
  p.catch(() => undefined);
  return p;
}

/** Marks a promise observed: its reader may await it only after other awaits. */
export function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
