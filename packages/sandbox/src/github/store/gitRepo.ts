import git, { TreeEntry } from 'isomorphic-git';
import { FileEntry, GitCommit, GitObjects, TreeChanges } from './gitObjects';

export type {
  FileEntry,
  GitCommit,
  GitObjectType,
  GitPerson,
  TreeChanges,
} from './gitObjects';

function modeType(mode: string): TreeEntry['type'] {
  if (mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

/** One bare repository in memory: objects and refs plus tree editing, history and merging. */
export class GitRepo extends GitObjects {
  static async create(defaultBranch: string): Promise<GitRepo> {
    const repo = new GitRepo();
    await repo.init(defaultBranch);
    return repo;
  }

  /** All blobs of a tree, recursively, keyed by path. */
  async listFiles(
    treeOid: string,
    prefix = '',
  ): Promise<Map<string, FileEntry>> {
    const out = new Map<string, FileEntry>();
    for (const e of (await this.readTree(treeOid)) ?? []) {
      const path = prefix ? `${prefix}/${e.path}` : e.path;
      if (e.type === 'tree') {
        for (const [p, f] of await this.listFiles(e.oid, path)) out.set(p, f);
      } else {
        out.set(path, { oid: e.oid, mode: e.mode });
      }
    }
    return out;
  }

  /** The entry at `path` inside a tree ('' = the tree itself). */
  async entryAt(treeOid: string, path: string): Promise<TreeEntry | undefined> {
    const parts = path.split('/').filter(Boolean);
    let current: TreeEntry = {
      mode: '040000',
      path: '',
      oid: treeOid,
      type: 'tree',
    };
    for (const part of parts) {
      if (current.type !== 'tree') return undefined;
      const entries: TreeEntry[] = (await this.readTree(current.oid)) ?? [];
      const next = entries.find(e => e.path === part);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  /** Applies path-level changes (nested paths allowed) to a base tree and writes the new trees. */
  async applyChanges(
    baseTree: string | undefined,
    changes: TreeChanges,
  ): Promise<string> {
    const entries = new Map<string, TreeEntry>();
    for (const e of baseTree ? (await this.readTree(baseTree)) ?? [] : [])
      entries.set(e.path, e);
    const nested = new Map<string, TreeChanges>();
    for (const [path, change] of changes) {
      const [head, ...rest] = path.split('/').filter(Boolean);
      if (!head) continue;
      if (rest.length === 0) {
        if (change === null) entries.delete(head);
        else {
          const type = modeType(change.mode);
          entries.set(head, {
            path: head,
            mode: change.mode,
            oid: change.oid,
            type,
          });
        }
      } else {
        const sub = nested.get(head) ?? new Map<string, FileEntry | null>();
        sub.set(rest.join('/'), change);
        nested.set(head, sub);
      }
    }
    for (const [dir, sub] of nested) {
      const existing = entries.get(dir);
      const subTree = await this.applyChanges(
        existing?.type === 'tree' ? existing.oid : undefined,
        sub,
      );
      const subEntries = (await this.readTree(subTree)) ?? [];
      if (subEntries.length === 0) entries.delete(dir);
      else
        entries.set(dir, {
          path: dir,
          mode: '040000',
          oid: subTree,
          type: 'tree',
        });
    }
    return this.writeTree([...entries.values()]);
  }

  /** Every commit reachable from `sha` (including it). */
  async ancestors(sha: string): Promise<Map<string, GitCommit>> {
    const seen = new Map<string, GitCommit>();
    const stack = [sha];
    while (stack.length > 0) {
      const oid = stack.pop()!;
      if (seen.has(oid)) continue;
      const c = await this.readCommit(oid);
      if (!c) continue;
      seen.set(oid, c);
      stack.push(...c.parents);
    }
    return seen;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    if (ancestor === descendant) return true;
    return (await this.ancestors(descendant)).has(ancestor);
  }

  /** The best common ancestor (not an ancestor of another common ancestor; newest on ties). */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const ofA = await this.ancestors(a);
    const common = [...(await this.ancestors(b)).values()].filter(c =>
      ofA.has(c.sha),
    );
    const reachable = new Set(common.flatMap(c => c.parents));
    const best = common
      .filter(c => !reachable.has(c.sha))
      .sort((x, y) => y.committer.timestamp - x.committer.timestamp);
    return best[0]?.sha;
  }

  private async pathOid(
    tree: string,
    path: string,
  ): Promise<string | undefined> {
    return (await this.entryAt(tree, path))?.oid;
  }

  /**
   * Commits reachable from `sha`, newest first like `git log` (date order while walking parents),
   * optionally only those that changed `path` (compared with every parent: a merge that took the
   * path from one of its parents is left out, as `git log -- <path>` does).
   */
  async log(sha: string, path?: string): Promise<GitCommit[]> {
    const all = await this.ancestors(sha);
    const queue = all.get(sha) ? [all.get(sha)!] : [];
    const emitted = new Set<string>();
    const out: GitCommit[] = [];
    while (queue.length > 0) {
      queue.sort((x, y) => y.committer.timestamp - x.committer.timestamp);
      const c = queue.shift()!;
      if (emitted.has(c.sha)) continue;
      emitted.add(c.sha);
      out.push(c);
      for (const p of c.parents) {
        const parent = all.get(p);
        if (parent && !emitted.has(p)) queue.push(parent);
      }
    }
    if (!path) return out;
    const touched: GitCommit[] = [];
    for (const c of out) {
      const now = await this.pathOid(c.tree, path);
      const parents = c.parents.length > 0 ? c.parents : [undefined];
      let treesame = false;
      for (const p of parents) {
        const parent = p ? all.get(p) : undefined;
        const before = parent
          ? await this.pathOid(parent.tree, path)
          : undefined;
        if (now === before) treesame = true;
      }
      // Like `git log -- <path>` (default history simplification): a merge whose path is the
      // same as in one of its parents did not change it (the change is that parent's).
      if (!treesame) touched.push(c);
    }
    return touched;
  }

  /**
   * Three-way merges commit `theirs` into branch `oursRef` (line-level, isomorphic-git's merge)
   * without moving the branch. Returns the merged tree, or undefined on conflict.
   */
  async mergeTree(
    oursRef: string,
    theirs: string,
    write: boolean,
  ): Promise<string | undefined> {
    try {
      const result = await git.merge({
        ...this.base,
        ours: oursRef,
        theirs,
        fastForward: false,
        noUpdateBranch: true,
        dryRun: !write,
        abortOnConflict: true,
        author: {
          name: 'sandbox',
          email: 'sandbox@localhost',
          timestamp: 0,
          timezoneOffset: 0,
        },
      });
      return (
        result.tree ??
        (result.oid ? (await this.readCommit(result.oid))?.tree : undefined)
      );
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'MergeConflictError' || code === 'MergeNotSupportedError')
        return undefined;
      throw e;
    }
  }
}
