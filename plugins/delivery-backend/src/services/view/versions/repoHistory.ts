import { normalizeVersion } from '@gitops-delivery/backstage-plugin-delivery-common';
import type {
  CommitSummary,
  TagSummary,
} from '../../../upstreams/github/GitHubReader';

/**
 * What the code repo's git host says about recent history: its tags and the
 * newest commits of the built branch (two requests, cached per repo).
 */
export interface RepoHistory {
  /** `owner/repo` and branch, for messages. */
  repo: string;
  branch: string;
  /** Tag names per commit sha. */
  tagsBySha: Map<string, string[]>;
  /** A tag per normalised version (`v1.0.3` and `1.0.3` both map to `1.0.3`). */
  tagByVersion: Map<string, TagSummary>;
  commits: Map<string, CommitSummary>;
  /** Commits per parent sha (first parent). */
  childrenOf: Map<string, CommitSummary[]>;
  /** True when a list filled its one page (older tags/commits not seen). */
  truncated: boolean;
}

/** Indexes tags and commits. */
export function indexHistory(input: {
  repo: string;
  branch: string;
  tags: TagSummary[];
  commits: CommitSummary[];
  pageSize: number;
}): RepoHistory {
  const tagsBySha = new Map<string, string[]>();
  const tagByVersion = new Map<string, TagSummary>();
  for (const t of input.tags) {
    tagsBySha.set(t.sha, [...(tagsBySha.get(t.sha) ?? []), t.name]);
    const key = normalizeVersion(t.name);
    if (!tagByVersion.has(key)) tagByVersion.set(key, t);
  }
  const commits = new Map(input.commits.map(c => [c.sha, c]));
  const childrenOf = new Map<string, CommitSummary[]>();
  for (const c of input.commits) {
    const parent = c.parents[0];
    if (parent) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c]);
  }
  return {
    repo: input.repo,
    branch: input.branch,
    tagsBySha,
    tagByVersion,
    commits,
    childrenOf,
    truncated:
      input.tags.length >= input.pageSize ||
      input.commits.length >= input.pageSize,
  };
}

/** The first line of a commit message. */
export function firstLine(message: string | undefined): string {
  return (message ?? '').split('\n', 1)[0].trim();
}

/**
 * The version-bump commit a build pushed on top of the commit it built: a
 * child of `sha` whose message matches one of `patterns`.
 */
export function bumpCommitOnTop(
  history: RepoHistory,
  sha: string,
  patterns: RegExp[],
): { commit: CommitSummary; version: string } | undefined {
  for (const child of history.childrenOf.get(sha) ?? []) {
    const version = matchMessage(child.message, patterns);
    if (version) return { commit: child, version };
  }
  return undefined;
}

/** The capture of the first pattern that matches the message's first line. */
export function matchMessage(
  message: string | undefined,
  patterns: RegExp[],
): string | undefined {
  const line = firstLine(message).slice(0, 500);
  for (const p of patterns) {
    const v = p.exec(line)?.[1]?.trim();
    if (v) return v;
  }
  return undefined;
}
