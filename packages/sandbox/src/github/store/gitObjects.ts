import git, { TreeEntry } from 'isomorphic-git';
import { createMemoryFs } from './memfs';
import {
  decodeCommit,
  decodeTag,
  decodeTree,
  encodeCommit,
  encodeObject,
  encodeTag,
  encodeTree,
  GitObjectType,
  GitPerson,
  TagFields,
} from './objectCodec';

export type { GitObjectType, GitPerson, TagFields } from './objectCodec';

/** An annotated tag object with its sha. */
export interface GitTag extends TagFields {
  sha: string;
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

/** isomorphic-git locks by path: a distinct git directory per repository avoids cross-repo waits. */
let nextGitdir = 1;

function asObjectType(t: string): GitObjectType | undefined {
  return t === 'blob' || t === 'tree' || t === 'commit' || t === 'tag'
    ? t
    : undefined;
}

interface StoredObject {
  type: GitObjectType;
  body: Buffer;
}

/**
 * Objects and refs of one bare in-memory repository. Objects are encoded and hashed here
 * (synchronously, like `git hash-object`) and also written as zlib loose objects into the
 * repository's file system, so isomorphic-git (refs, merge) reads the very same repository;
 * objects isomorphic-git writes itself (merge trees) are read back through it.
 */
export class GitObjects {
  protected readonly fs = createMemoryFs();
  protected readonly gitdir = `/repo-${nextGitdir++}.git`;
  protected readonly cache = {};
  private readonly objects = new Map<string, StoredObject>();
  /** Decoded trees (objects are immutable, so this never goes stale). */
  private readonly trees = new Map<string, TreeEntry[]>();

  protected async init(defaultBranch: string): Promise<void> {
    await git.init({
      fs: this.fs,
      gitdir: this.gitdir,
      bare: true,
      defaultBranch,
    });
  }

  protected get base() {
    return { fs: this.fs, gitdir: this.gitdir, cache: this.cache };
  }

  private put(type: GitObjectType, body: Buffer): string {
    const { sha, deflated } = encodeObject(type, body);
    if (!this.objects.has(sha)) {
      this.objects.set(sha, { type, body });
      this.fs.promises.putSync(
        `${this.gitdir}/objects/${sha.slice(0, 2)}/${sha.slice(2)}`,
        deflated,
      );
    }
    return sha;
  }

  private async get(oid: string): Promise<StoredObject | undefined> {
    if (!/^[0-9a-f]{40}$/.test(oid)) return undefined;
    const known = this.objects.get(oid);
    if (known) return known;
    try {
      const o = await git.readObject({ ...this.base, oid, format: 'content' });
      const type = asObjectType(o.type);
      if (!type || !(o.object instanceof Uint8Array)) return undefined;
      const stored: StoredObject = { type, body: Buffer.from(o.object) };
      this.objects.set(oid, stored);
      return stored;
    } catch {
      return undefined;
    }
  }

  async writeBlob(data: Uint8Array): Promise<string> {
    return this.put('blob', Buffer.from(data));
  }

  async objectType(oid: string): Promise<GitObjectType | undefined> {
    return (await this.get(oid))?.type;
  }

  async readBlob(oid: string): Promise<Uint8Array | undefined> {
    const o = await this.get(oid);
    return o?.type === 'blob' ? o.body : undefined;
  }

  /** Entries of a tree (or of a commit's tree). */
  async readTree(oid: string): Promise<TreeEntry[] | undefined> {
    const cached = this.trees.get(oid);
    if (cached) return cached.map(e => ({ ...e }));
    const o = await this.get(oid);
    if (o?.type === 'commit') return this.readTree(decodeCommit(o.body).tree);
    if (o?.type !== 'tree') return undefined;
    const entries = decodeTree(o.body);
    this.trees.set(oid, entries);
    return entries.map(e => ({ ...e }));
  }

  async writeTree(entries: TreeEntry[]): Promise<string> {
    return this.put('tree', encodeTree(entries));
  }

  async readCommit(oid: string): Promise<GitCommit | undefined> {
    const o = await this.get(oid);
    return o?.type === 'commit'
      ? { sha: oid, ...decodeCommit(o.body) }
      : undefined;
  }

  async writeCommit(c: Omit<GitCommit, 'sha'>): Promise<string> {
    return this.put('commit', encodeCommit(c));
  }

  async readTag(oid: string): Promise<GitTag | undefined> {
    const o = await this.get(oid);
    return o?.type === 'tag' ? { sha: oid, ...decodeTag(o.body) } : undefined;
  }

  async writeTag(t: TagFields): Promise<string> {
    return this.put('tag', encodeTag(t));
  }

  /** Follows annotated tags to the object they finally point at (`git rev-parse X^{}`). */
  async peel(oid: string): Promise<string> {
    let current = oid;
    for (let i = 0; i < 10; i++) {
      const tag = await this.readTag(current);
      if (!tag) return current;
      current = tag.object;
    }
    return current;
  }

  /** Full object ids starting with `prefix`. */
  protected expand(prefix: string): string[] {
    return [...this.objects.keys()].filter(k => k.startsWith(prefix));
  }

  /**
   * Refs live in a map mirrored as loose ref files in the git directory (what isomorphic-git's
   * merge resolves). Only refs/heads and refs/tags are used.
   */
  private readonly refs = new Map<string, string>();

  /** Full ref names (`refs/heads/main`, `refs/tags/v1`) -> sha, sorted by name. */
  async listRefs(): Promise<Map<string, string>> {
    return new Map([...this.refs].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** The sha a full ref name (`refs/heads/main`) points at, without prefix guessing. */
  async readRef(fullRef: string): Promise<string | undefined> {
    return this.refs.get(fullRef);
  }

  async writeRef(fullRef: string, sha: string): Promise<void> {
    if (!/^refs\/[^/]+\/./.test(fullRef) || !/^[0-9a-f]{40}$/.test(sha)) {
      throw new Error(`Invalid ref update ${fullRef} -> ${sha}`);
    }
    this.refs.set(fullRef, sha);
    this.fs.promises.putSync(
      `${this.gitdir}/${fullRef}`,
      Buffer.from(`${sha}\n`),
    );
  }

  async deleteRef(fullRef: string): Promise<void> {
    this.refs.delete(fullRef);
    await this.fs.promises
      .unlink(`${this.gitdir}/${fullRef}`)
      .catch(() => undefined);
  }

  /**
   * Resolves a branch, tag (annotated tags are peeled), `heads/x`, `refs/heads/x`, full or
   * abbreviated sha to a commit sha.
   */
  async resolveCommitish(ref: string): Promise<string | undefined> {
    const refs = await this.listRefs();
    for (const candidate of [
      ref,
      `refs/${ref}`,
      `refs/heads/${ref}`,
      `refs/tags/${ref}`,
    ]) {
      const sha = refs.get(candidate);
      if (sha) return this.peel(sha);
    }
    if (!/^[0-9a-f]{4,40}$/i.test(ref)) return undefined;
    let oid = ref.toLowerCase();
    if (oid.length < 40) {
      const matches = this.expand(oid);
      if (matches.length !== 1) return undefined;
      oid = matches[0];
    }
    oid = await this.peel(oid);
    return (await this.objectType(oid)) === 'commit' ? oid : undefined;
  }
}
