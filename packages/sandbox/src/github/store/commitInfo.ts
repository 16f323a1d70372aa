import type { CommitInfo } from '../types';
import type { GitRepo } from './gitRepo';
import type { RepoRecord } from './records';

const editTypes = {
  added: 'add',
  removed: 'delete',
  modified: 'edit',
} as const;

/** A commit with the paths it changed against its first parent (names only, no patches). */
export async function commitInfo(
  git: GitRepo,
  sha: string,
): Promise<CommitInfo | undefined> {
  const commit = await git.readCommit(sha);
  if (!commit) return undefined;
  const parent = commit.parents[0]
    ? await git.readCommit(commit.parents[0])
    : undefined;
  const before = parent ? await git.listFiles(parent.tree) : new Map();
  const after = await git.listFiles(commit.tree);
  const paths: CommitInfo['paths'] = [];
  for (const file of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(file);
    const b = after.get(file);
    if (a && b && a.oid === b.oid) continue;
    let status: keyof typeof editTypes = 'modified';
    if (!a) status = 'added';
    else if (!b) status = 'removed';
    paths.push({ file, editType: editTypes[status] });
  }
  return {
    sha,
    message: commit.message,
    author: { name: commit.author.name, email: commit.author.email },
    timestamp: commit.author.timestamp * 1000,
    paths,
  };
}

/**
 * Like GitHub, the first branch pushed to an empty repository becomes its default branch
 * (call inside `rec.lock.run`, before writing the ref).
 */
export async function adoptFirstBranch(
  rec: RepoRecord,
  fullRef: string,
): Promise<void> {
  if (!fullRef.startsWith('refs/heads/')) return;
  if ((await rec.git.listRefs()).size > 0) return;
  rec.defaultBranch = fullRef.slice('refs/heads/'.length);
}
