import git, { CommitObject, TreeEntry } from 'isomorphic-git';
import { createMemoryFs } from './memfs';

/** A git identity with a unix timestamp (seconds), as stored in commit objects. */
export interface GitPerson {
  name: string;
  email: string;
  timestamp: number;
  timezoneOffset: number;
}

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
}

/** A flattened tree entry (path relative to the repository root). */
export interface FileEntry {
  oid: string;
  mode: string;
}

/** path -> new entry, or null to delete. */
export type TreeChanges = Map<string, FileEntry | null>;

export type GitObjectType = 'blob' | 'tree' | 'commit' | 'tag';

const GITDIR = '/repo.git';

function toCommit(sha: string, c: CommitObject): GitCommit {
  return {
    sha,
    tree: c.tree,
    parents: c.parent,
    message: c.message,
    author: { ...c.author },
    committer: { ...c.committer },
  };
}

function modeType(mode: string): TreeEntry['type'] {
  if (mode === '040000') return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

/** One bare repository in memory, driven by isomorphic-git's object and ref API. */
export class GitRepo {
  private readonly fs = createMemoryFs();
  private readonly cache = {};

  private constructor() {}

  static async create(defaultBranch: string): Promise<GitRepo> {
    const repo = new GitRepo();
    await git.init({ fs: repo.fs, gitdir: GITDIR, bare: true, defaultBranch });
    return repo;
  }

  private get base() {
    return { fs: this.fs, gitdir: GITDIR, cache: this.cache };
  }

  async writeBlob(data: Uint8Array): Promise<string> {
    return git.writeBlob({ fs: this.fs, gitdir: GITDIR, blob: data });
  }

  async objectType(oid: string): Promise<GitObjectType | undefined> {
    try {
      const o = await git.readObject({ ...this.base, oid, format: 'parsed' });
      const type: string = o.type;
      return type === 'blob' ||
        type === 'tree' ||
        type === 'commit' ||
        type === 'tag'
        ? type
        : undefined;
    } catch {
      return undefined;
    }
  }

  async readBlob(oid: string): Promise<Uint8Array | undefined> {
    if ((await this.objectType(oid)) !== 'blob') return undefined;
    return (await git.readBlob({ ...this.base, oid })).blob;
  }

  async readTree(oid: string): Promise<TreeEntry[] | undefined> {
    const type = await this.objectType(oid);
    if (type !== 'tree' && type !== 'commit') return undefined;
    return (await git.readTree({ ...this.base, oid })).tree;
  }

  async writeTree(entries: TreeEntry[]): Promise<string> {
    return git.writeTree({ fs: this.fs, gitdir: GITDIR, tree: entries });
  }

  async readCommit(oid: string): Promise<GitCommit | undefined> {
    if ((await this.objectType(oid)) !== 'commit') return undefined;
    const c = await git.readCommit({ ...this.base, oid });
    return toCommit(c.oid, c.commit);
  }

  async writeCommit(c: Omit<GitCommit, 'sha'>): Promise<string> {
    return git.writeCommit({
      fs: this.fs,
      gitdir: GITDIR,
      commit: {
        tree: c.tree,
        parent: c.parents,
        message: c.message,
        author: c.author,
        committer: c.committer,
      },
    });
  }

  /** Full ref names (`refs/heads/main`, `refs/tags/v1`) -> sha. */
  async listRefs(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const prefix of ['refs/heads', 'refs/tags']) {
      const names = await git.listRefs({
        fs: this.fs,
        gitdir: GITDIR,
        filepath: prefix,
      });
      for (const name of names) {
        const full = `${prefix}/${name}`;
        out.set(
          full,
          await git.resolveRef({ fs: this.fs, gitdir: GITDIR, ref: full }),
        );
      }
    }
    return out;
  }

  async readRef(fullRef: string): Promise<string | undefined> {
    return (await this.listRefs()).get(fullRef);
  }

  async writeRef(fullRef: string, sha: string): Promise<void> {
    await git.writeRef({
      fs: this.fs,
      gitdir: GITDIR,
      ref: fullRef,
      value: sha,
      force: true,
    });
  }

  async deleteRef(fullRef: string): Promise<void> {
    await git.deleteRef({ fs: this.fs, gitdir: GITDIR, ref: fullRef });
  }

  /** Resolves a branch, tag, `heads/x`, `refs/heads/x`, full or abbreviated sha to a commit sha. */
  async resolveCommitish(ref: string): Promise<string | undefined> {
    const refs = await this.listRefs();
    for (const candidate of [
      ref,
      `refs/${ref}`,
      `refs/heads/${ref}`,
      `refs/tags/${ref}`,
    ]) {
      const sha = refs.get(candidate);
      if (sha) return sha;
    }
    if (!/^[0-9a-f]{4,40}$/i.test(ref)) return undefined;
    let oid = ref.toLowerCase();
    if (oid.length < 40) {
      try {
        oid = await git.expandOid({ ...this.base, oid });
      } catch {
        return undefined;
      }
    }
    return (await this.objectType(oid)) === 'commit' ? oid : undefined;
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

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    if (ancestor === descendant) return true;
    return git.isDescendent({
      ...this.base,
      oid: descendant,
      ancestor,
      depth: -1,
    });
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const bases = await git.findMergeBase({ ...this.base, oids: [a, b] });
    return bases[0];
  }

  /** Commits reachable from `sha`, newest first (optionally only those touching `path`). */
  async log(sha: string, path?: string): Promise<GitCommit[]> {
    const entries = await git.log({
      ...this.base,
      ref: sha,
      filepath: path || undefined,
      force: true,
    });
    return entries.map(e => toCommit(e.oid, e.commit));
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
