import type { GitRepo } from './gitRepo';
import { unifiedPatch } from './diff';

export interface FileDiff {
  filename: string;
  status: 'added' | 'removed' | 'modified';
  /** Blob sha after the change (before, for removed files). */
  sha: string;
  /** Blob sha before the change (absent for added files). */
  previousSha?: string;
  mode: string;
  additions: number;
  deletions: number;
  changes: number;
  /** Absent for binary files. */
  patch?: string;
}

function isBinary(data: Uint8Array): boolean {
  return data.subarray(0, 8000).includes(0);
}

async function text(
  git: GitRepo,
  oid: string | undefined,
): Promise<string | undefined> {
  if (!oid) return '';
  const blob = await git.readBlob(oid);
  if (!blob || isBinary(blob)) return undefined;
  return Buffer.from(blob).toString('utf8');
}

/** Per-file changes between two trees, sorted by path like GitHub's compare/files. */
export async function diffTrees(
  git: GitRepo,
  baseTree: string | undefined,
  headTree: string | undefined,
): Promise<FileDiff[]> {
  const before = baseTree ? await git.listFiles(baseTree) : new Map();
  const after = headTree ? await git.listFiles(headTree) : new Map();
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: FileDiff[] = [];
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    if (a && b && a.oid === b.oid) continue;
    let status: FileDiff['status'] = 'modified';
    if (!a) status = 'added';
    else if (!b) status = 'removed';
    const oldText = await text(git, a?.oid);
    const newText = await text(git, b?.oid);
    const p =
      oldText !== undefined && newText !== undefined
        ? unifiedPatch(oldText, newText)
        : undefined;
    out.push({
      filename: path,
      status,
      sha: (b ?? a)!.oid,
      previousSha: a?.oid,
      mode: (b ?? a)!.mode,
      additions: p?.additions ?? 0,
      deletions: p?.deletions ?? 0,
      changes: (p?.additions ?? 0) + (p?.deletions ?? 0),
      ...(p && p.patch ? { patch: p.patch } : {}),
    });
  }
  return out;
}

/** The `git diff` text GitHub serves for `Accept: application/vnd.github.diff`. */
export function gitDiffText(files: FileDiff[]): string {
  const zero = '0000000';
  return files
    .map(f => {
      const oldId = f.previousSha?.slice(0, 7) ?? zero;
      const newId = f.status === 'removed' ? zero : f.sha.slice(0, 7);
      const header = [`diff --git a/${f.filename} b/${f.filename}`];
      if (f.status === 'added')
        header.push(`new file mode ${f.mode}`, `index ${oldId}..${newId}`);
      else if (f.status === 'removed')
        header.push(`deleted file mode ${f.mode}`, `index ${oldId}..${newId}`);
      else header.push(`index ${oldId}..${newId} ${f.mode}`);
      header.push(
        f.status === 'added' ? '--- /dev/null' : `--- a/${f.filename}`,
        f.status === 'removed' ? '+++ /dev/null' : `+++ b/${f.filename}`,
      );
      return `${header.join('\n')}\n${f.patch ? `${f.patch}\n` : ''}`;
    })
    .join('');
}
