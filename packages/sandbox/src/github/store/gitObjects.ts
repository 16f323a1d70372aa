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

export const GITDIR = '/repo.git';

export function toCommit(sha: string, c: CommitObject): GitCommit {
  return {
    sha,
    tree: c.tree,
    parents: c.parent,
    message: c.message,
    author: { ...c.author },
    committer: { ...c.committer },
  };
}

/** Objects and refs of one bare in-memory repository (isomorphic-git's object and ref API). */
export class GitObjects {
  protected readonly fs = createMemoryFs();
  protected readonly cache = {};

  protected async init(defaultBranch: string): Promise<void> {
    await git.init({ fs: this.fs, gitdir: GITDIR, bare: true, defaultBranch });
  }

  protected get base() {
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

  /** The sha a full ref name (`refs/heads/main`) points at, without prefix guessing. */
  async readRef(fullRef: string): Promise<string | undefined> {
    if (!fullRef.startsWith('refs/')) return undefined;
    try {
      const sha = await git.resolveRef({
        fs: this.fs,
        gitdir: GITDIR,
        ref: fullRef,
        depth: 2,
      });
      return /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
    } catch {
      return undefined;
    }
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
}
