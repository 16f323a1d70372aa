import { GitRepo, GitPerson, TreeChanges } from './gitRepo';
import {
  Account,
  Mutex,
  PullRecord,
  RepoRecord,
  isoFromPerson,
  nowIso,
  personAt,
} from './records';
import type {
  CommitInfo,
  GitHubRepoSeed,
  GitHubStore,
  GitHubTagAnnotation,
} from '../types';
import { applySeeds } from './seed';
import { adoptFirstBranch, commitInfo } from './commitInfo';
import type {
  CommitOptions,
  CreateRepoOptions,
  StoreConfig,
  StoreOps,
} from './storeOps';

export type { CommitOptions, StoreConfig } from './storeOps';

/** Thrown by store operations; routes translate it into GitHub error bodies. */
export class StoreConflict extends Error {
  constructor(
    readonly kind: 'branch-moved' | 'repo-exists' | 'no-branch',
    message: string,
  ) {
    super(message);
  }
}

/** The in-memory GitHub world: accounts, repositories (each a bare git repo) and pull requests. */
export class GitHubStoreImpl implements GitHubStore, StoreOps {
  readonly accounts = new Map<string, Account>();
  readonly repos = new Map<string, RepoRecord>();
  /** Old full name (lower case) -> repository id, after renames. */
  readonly renamed = new Map<string, number>();
  private nextAccountId = 1001;
  private nextRepoId = 100001;
  private nextPullId = 5000001;

  private readonly resetHooks: Array<() => void> = [];
  private readonly resetLock = new Mutex();

  constructor(readonly config: StoreConfig) {}

  /** Registers a callback run on every reset (e.g. to reset the rate limit). */
  onReset(hook: () => void): void {
    this.resetHooks.push(hook);
  }

  /** Re-applies the seeds from scratch; concurrent resets run one after the other. */
  reset(seeds: GitHubRepoSeed[]): Promise<void> {
    return this.resetLock.run(async () => {
      for (const hook of this.resetHooks) hook();
      this.accounts.clear();
      this.repos.clear();
      this.renamed.clear();
      this.nextAccountId = 1001;
      this.nextRepoId = 100001;
      this.nextPullId = 5000001;
      this.account(this.config.viewer, 'User');
      await applySeeds(this, seeds);
    });
  }

  /** Returns the account, creating it with the given type when unknown. */
  account(login: string, type: Account['type']): Account {
    const key = login.toLowerCase();
    let acc = this.accounts.get(key);
    if (!acc) {
      acc = {
        login,
        id: this.nextAccountId++,
        type,
        createdAt: '2020-01-01T00:00:00Z',
      };
      this.accounts.set(key, acc);
    }
    return acc;
  }

  findAccount(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  getRepo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  findRepoById(id: number): RepoRecord | undefined {
    return [...this.repos.values()].find(r => r.id === id);
  }

  /** The repository an old (renamed) full name now points at. */
  renamedTo(owner: string, name: string): RepoRecord | undefined {
    const id = this.renamed.get(`${owner}/${name}`.toLowerCase());
    return id === undefined ? undefined : this.findRepoById(id);
  }

  renameRepo(rec: RepoRecord, name: string): void {
    const oldKey = `${rec.owner.login}/${rec.name}`.toLowerCase();
    this.repos.delete(oldKey);
    this.renamed.set(oldKey, rec.id);
    rec.name = name;
    this.repos.set(`${rec.owner.login}/${name}`.toLowerCase(), rec);
  }

  async createRepo(opts: CreateRepoOptions): Promise<RepoRecord> {
    if (this.getRepo(opts.owner.login, opts.name)) {
      throw new StoreConflict(
        'repo-exists',
        'name already exists on this account',
      );
    }
    const defaultBranch = opts.defaultBranch ?? 'main';
    const at = opts.createdAt ?? nowIso();
    const rec: RepoRecord = {
      id: this.nextRepoId++,
      owner: opts.owner,
      name: opts.name,
      defaultBranch,
      private: opts.private ?? false,
      description: opts.description ?? null,
      homepage: opts.homepage ?? null,
      isTemplate: opts.isTemplate ?? false,
      createdAt: at,
      updatedAt: at,
      pushedAt: at,
      git: await GitRepo.create(defaultBranch),
      pulls: [],
      nextNumber: 1,
      seedShas: new Map(),
      protection: new Map(),
      lock: new Mutex(),
    };
    this.repos.set(`${opts.owner.login}/${opts.name}`.toLowerCase(), rec);
    return rec;
  }

  newPullId(): number {
    return this.nextPullId++;
  }

  viewerPerson(): GitPerson {
    const host = new URL(this.config.baseUrl).hostname;
    return personAt(
      this.config.viewer,
      `${this.config.viewer}@users.noreply.${host}`,
    );
  }

  /** Writes blobs for `files` and returns the tree changes (null deletes). */
  async fileChanges(
    rec: RepoRecord,
    files: Record<string, string | Uint8Array | null>,
  ): Promise<TreeChanges> {
    const changes: TreeChanges = new Map();
    for (const [path, content] of Object.entries(files)) {
      if (content === null) changes.set(path, null);
      else {
        const data =
          typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        changes.set(path, {
          oid: await rec.git.writeBlob(data),
          mode: '100644',
        });
      }
    }
    return changes;
  }

  /** Commits on a branch (must be called inside `rec.lock.run`). */
  async commitOnBranch(
    rec: RepoRecord,
    branch: string,
    opts: CommitOptions,
  ): Promise<string> {
    const ref = `refs/heads/${branch}`;
    await adoptFirstBranch(rec, ref);
    let head = await rec.git.readRef(ref);
    if (!head && opts.createBranch)
      head = await rec.git.readRef(`refs/heads/${rec.defaultBranch}`);
    if (!head && (await rec.git.listRefs()).size > 0) {
      throw new StoreConflict('no-branch', `Branch ${branch} not found`);
    }
    if (opts.expectHead !== undefined && head !== opts.expectHead) {
      throw new StoreConflict(
        'branch-moved',
        `${ref} expected to be at ${opts.expectHead}`,
      );
    }
    const baseTree = head ? (await rec.git.readCommit(head))?.tree : undefined;
    const tree = await rec.git.applyChanges(baseTree, opts.changes);
    const author = opts.author ?? this.viewerPerson();
    const committer = opts.committer ?? author;
    const sha = await rec.git.writeCommit({
      tree,
      parents: head ? [head] : [],
      message: opts.message,
      author,
      committer,
    });
    await rec.git.writeRef(ref, sha);
    this.touch(rec, isoFromPerson(committer));
    return sha;
  }

  /** Records a push (seeded commits use their own date, so seeded worlds stay deterministic). */
  touch(rec: RepoRecord, at: string = nowIso()): void {
    rec.pushedAt = at;
    rec.updatedAt = at;
  }

  // ---- GitHubStore (the contract other sandbox modules use) ----

  async readFile(
    owner: string,
    repo: string,
    ref: string,
    path: string,
  ): Promise<string | undefined> {
    const rec = this.getRepo(owner, repo);
    const sha = rec && (await rec.git.resolveCommitish(ref));
    const commit = sha ? await rec.git.readCommit(sha) : undefined;
    const entry = commit
      ? await rec!.git.entryAt(commit.tree, path)
      : undefined;
    if (!entry || entry.type !== 'blob') return undefined;
    const blob = await rec!.git.readBlob(entry.oid);
    return blob ? Buffer.from(blob).toString('utf8') : undefined;
  }

  async headSha(
    owner: string,
    repo: string,
    branch: string,
  ): Promise<string | undefined> {
    return this.getRepo(owner, repo)?.git.readRef(`refs/heads/${branch}`);
  }

  async commitFiles(
    owner: string,
    repo: string,
    branch: string,
    message: string,
    files: Record<string, string | null>,
    author?: { name: string; email: string },
  ): Promise<string> {
    const rec = this.getRepo(owner, repo);
    if (!rec) throw new Error(`Unknown repository ${owner}/${repo}`);
    return rec.lock.run(async () =>
      this.commitOnBranch(rec, branch, {
        message,
        changes: await this.fileChanges(rec, files),
        author: author ? personAt(author.name, author.email) : undefined,
        createBranch: true,
      }),
    );
  }

  async createTag(
    owner: string,
    repo: string,
    name: string,
    commitSha: string,
    annotation?: GitHubTagAnnotation,
  ): Promise<string> {
    const rec = this.getRepo(owner, repo);
    if (!rec) throw new Error(`Unknown repository ${owner}/${repo}`);
    return rec.lock.run(() => this.tagInRepo(rec, name, commitSha, annotation));
  }

  /** Writes a tag ref (and tag object); must be called inside `rec.lock.run`. */
  async tagInRepo(
    rec: RepoRecord,
    name: string,
    commitSha: string,
    annotation?: GitHubTagAnnotation,
  ): Promise<string> {
    const ref = `refs/tags/${name}`;
    if (await rec.git.readRef(ref)) throw new Error(`Tag ${name} exists`);
    if ((await rec.git.objectType(commitSha)) !== 'commit')
      throw new Error(`Tag ${name}: ${commitSha} is not a commit`);
    let sha = commitSha;
    if (annotation) {
      const who = annotation.tagger ?? this.viewerPerson();
      const message = annotation.message.endsWith('\n')
        ? annotation.message
        : `${annotation.message}\n`;
      sha = await rec.git.writeTag({
        object: commitSha,
        type: 'commit',
        tag: name,
        tagger: personAt(who.name, who.email, annotation.date),
        message,
      });
    }
    await rec.git.writeRef(ref, sha);
    return sha;
  }

  async listPaths(owner: string, repo: string, ref: string): Promise<string[]> {
    const rec = this.getRepo(owner, repo);
    const sha = rec && (await rec.git.resolveCommitish(ref));
    const commit = sha ? await rec.git.readCommit(sha) : undefined;
    return commit ? [...(await rec!.git.listFiles(commit.tree)).keys()] : [];
  }

  defaultBranch(owner: string, repo: string): string | undefined {
    return this.getRepo(owner, repo)?.defaultBranch;
  }

  async commitInfo(
    owner: string,
    repo: string,
    sha: string,
  ): Promise<CommitInfo | undefined> {
    const rec = this.getRepo(owner, repo);
    return rec ? commitInfo(rec.git, sha) : undefined;
  }

  commitSha(owner: string, repo: string, id: string): string | undefined {
    return this.getRepo(owner, repo)?.seedShas.get(id);
  }

  htmlUrl(owner: string, repo: string): string {
    return `${this.config.baseUrl}/${owner}/${repo}`;
  }
}

export type { PullRecord, RepoRecord, Account };
