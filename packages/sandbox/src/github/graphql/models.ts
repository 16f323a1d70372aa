/* eslint-disable @typescript-eslint/no-use-before-define -- GraphQL's types refer to each other
   (Commit -> Repository -> Ref -> Commit); the classes are only instantiated at request time. */
import type { TreeEntry as GitTreeEntry } from 'isomorphic-git';
import type { ApiContext } from '../http/context';
import { coversRepo, Principal } from '../http/appAuth';
import type { RateLimit } from '../http/respond';
import type { GitCommit, GitPerson } from '../store/gitRepo';
import {
  Account,
  isoFromPerson,
  PullRecord,
  RepoRecord,
} from '../store/records';
import { pullShas } from '../store/pulls';
import { diffTrees } from '../store/treeDiff';
import { accountForEmail } from '../serializers/commits';
import { repoHtmlUrl } from '../serializers/repos';
import { nodeId, simpleUser } from '../serializers/users';
import { sortPulls } from '../routes/pulls';
import { connection, PageArgs, TypedGraphQLError } from './connection';

/** Per request: who asks, and the cost of the query (for `rateLimit`). */
export interface GraphQLContext {
  api: ApiContext;
  principal: Principal;
  rate: RateLimit;
  cost: number;
  nodeCount: number;
}

/**
 * A blob's `text` is cut here and `isTruncated` set (best knowledge: the same 1 MB the REST
 * contents API inlines; GitHub does not document the GraphQL figure).
 */
export const BLOB_TEXT_LIMIT = 1024 * 1024;

const iso = (ms: number) =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A GitTimestamp: ISO-8601 in the committer's own offset (`+02:00`), not converted to UTC. */
function gitTimestamp(p: GitPerson): string {
  // isomorphic-git's timezoneOffset is minutes *behind* UTC, like Date#getTimezoneOffset
  const offset = -p.timezoneOffset;
  const local = new Date((p.timestamp + offset * 60) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** A User, Organization or Bot (`Actor`, `RepositoryOwner`). */
export function actorOf(api: ApiContext, acc: Account) {
  const user = simpleUser(api, acc);
  // GitHub's GraphQL names a bot without the `[bot]` suffix its REST logins carry
  const login =
    acc.type === 'Bot' ? acc.login.replace(/\[bot\]$/, '') : acc.login;
  const resourcePath = acc.type === 'Bot' ? `/apps/${login}` : `/${login}`;
  return {
    __typename: acc.type,
    id: user.node_id,
    login,
    name: acc.type === 'Bot' ? undefined : acc.login,
    avatarUrl: () => user.avatar_url,
    resourcePath,
    url: `${api.baseUrl}${resourcePath}`,
  };
}

function gitActor(c: GraphQLContext, p: GitPerson) {
  const acc = accountForEmail(c.api, p.email);
  return {
    name: p.name,
    email: p.email,
    date: gitTimestamp(p),
    avatarUrl: () =>
      acc ? simpleUser(c.api, acc).avatar_url : `${c.api.baseUrl}/avatars/u/0?`,
    user: () => (acc && acc.type === 'User' ? actorOf(c.api, acc) : null),
  };
}

/** What every Git object answers (`GitObject`). */
abstract class GitObjectModel {
  abstract readonly __typename: string;
  constructor(
    protected readonly c: GraphQLContext,
    protected readonly rec: RepoRecord,
    readonly oid: string,
  ) {}

  get abbreviatedOid() {
    return this.oid.slice(0, 7);
  }
  get commitResourcePath() {
    return `/${this.rec.owner.login}/${this.rec.name}/commit/${this.oid}`;
  }
  get commitUrl() {
    return `${this.c.api.baseUrl}${this.commitResourcePath}`;
  }
  get id() {
    return nodeId(`${this.__typename}${this.rec.id}:`, this.oid);
  }
  repository() {
    return new RepositoryModel(this.c, this.rec);
  }
}

/** The object `oid` names, as its GraphQL type (null when the repository has no such object). */
export async function gitObject(
  c: GraphQLContext,
  rec: RepoRecord,
  oid: string,
): Promise<GitObjectModel | null> {
  switch (await rec.git.objectType(oid)) {
    case 'commit':
      return new CommitModel(c, rec, oid);
    case 'tree':
      return new TreeModel(c, rec, oid);
    case 'blob':
      return new BlobModel(c, rec, oid);
    case 'tag':
      return new TagModel(c, rec, oid);
    default:
      return null;
  }
}

export class BlobModel extends GitObjectModel {
  readonly __typename = 'Blob';
  private data?: Promise<Uint8Array>;

  private bytes(): Promise<Uint8Array> {
    this.data ??= this.rec.git
      .readBlob(this.oid)
      .then(d => d ?? new Uint8Array());
    return this.data;
  }

  private async decoded(): Promise<string | null> {
    const data = await this.bytes();
    // git's own test: a NUL byte in the first 8000 bytes means binary
    if (data.subarray(0, 8000).includes(0)) return null;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      return null;
    }
  }

  async byteSize() {
    return (await this.bytes()).byteLength;
  }
  async isBinary() {
    return (await this.decoded()) === null;
  }
  async isTruncated() {
    return (await this.bytes()).byteLength > BLOB_TEXT_LIMIT;
  }
  async text() {
    const data = await this.bytes();
    const text = await this.decoded();
    if (text === null || data.byteLength <= BLOB_TEXT_LIMIT) return text;
    return Buffer.from(data.subarray(0, BLOB_TEXT_LIMIT))
      .toString('utf8')
      .replace(/\uFFFD$/, '');
  }
}

export class TreeEntryModel {
  readonly __typename = 'TreeEntry';
  constructor(
    private readonly c: GraphQLContext,
    private readonly rec: RepoRecord,
    private readonly entry: GitTreeEntry,
    readonly path: string,
  ) {}

  get name() {
    return this.path.split('/').pop() ?? this.path;
  }
  get oid() {
    return this.entry.oid;
  }
  get mode() {
    return parseInt(this.entry.mode, 8);
  }
  get type() {
    return this.entry.type;
  }
  get isGenerated() {
    return false;
  }
  get extension() {
    const i = this.name.lastIndexOf('.');
    return this.entry.type === 'blob' && i > 0 ? this.name.slice(i) : null;
  }
  async size() {
    if (this.entry.type !== 'blob') return 0;
    return (await this.rec.git.readBlob(this.entry.oid))?.byteLength ?? 0;
  }
  async lineCount() {
    if (this.entry.type !== 'blob') return null;
    const text = await new BlobModel(this.c, this.rec, this.entry.oid).text();
    if (text === null) return null;
    return text === '' ? 0 : text.replace(/\n$/, '').split('\n').length;
  }
  repository() {
    return new RepositoryModel(this.c, this.rec);
  }
  /** The blob or tree (a submodule's commit is not in this repository: null). */
  object() {
    if (this.entry.type === 'tree') {
      return new TreeModel(this.c, this.rec, this.entry.oid, this.path);
    }
    return gitObject(this.c, this.rec, this.entry.oid);
  }
}

export class TreeModel extends GitObjectModel {
  readonly __typename = 'Tree';
  constructor(
    c: GraphQLContext,
    rec: RepoRecord,
    oid: string,
    private readonly path = '',
  ) {
    super(c, rec, oid);
  }

  async entries() {
    const entries = (await this.rec.git.readTree(this.oid)) ?? [];
    return entries.map(
      e =>
        new TreeEntryModel(
          this.c,
          this.rec,
          e,
          this.path ? `${this.path}/${e.path}` : e.path,
        ),
    );
  }
}

export class CommitModel extends GitObjectModel {
  readonly __typename = 'Commit';
  private loaded?: Promise<GitCommit>;

  private commit(): Promise<GitCommit> {
    this.loaded ??= this.rec.git.readCommit(this.oid).then(commit => {
      if (!commit) throw new Error(`Commit ${this.oid} is missing`);
      return commit;
    });
    return this.loaded;
  }

  private get html() {
    return repoHtmlUrl(this.c.api, this.rec);
  }

  get url() {
    return `${this.html}/commit/${this.oid}`;
  }
  get resourcePath() {
    return `/${this.rec.owner.login}/${this.rec.name}/commit/${this.oid}`;
  }
  get treeUrl() {
    return `${this.html}/tree/${this.oid}`;
  }
  async message() {
    return (await this.commit()).message.replace(/\n$/, '');
  }
  async messageHeadline() {
    return (await this.message()).split('\n')[0];
  }
  async messageBody() {
    const lines = (await this.message()).split('\n');
    return lines.slice(1).join('\n').replace(/^\n+/, '');
  }
  async committedDate() {
    return isoFromPerson((await this.commit()).committer);
  }
  async authoredDate() {
    return isoFromPerson((await this.commit()).author);
  }
  async author() {
    return gitActor(this.c, (await this.commit()).author);
  }
  async committer() {
    return gitActor(this.c, (await this.commit()).committer);
  }
  async tree() {
    return new TreeModel(this.c, this.rec, (await this.commit()).tree);
  }

  private async diff() {
    const commit = await this.commit();
    const parent = commit.parents[0]
      ? await this.rec.git.readCommit(commit.parents[0])
      : undefined;
    return diffTrees(this.rec.git, parent?.tree, commit.tree);
  }
  async additions() {
    return (await this.diff()).reduce((n, f) => n + f.additions, 0);
  }
  async deletions() {
    return (await this.diff()).reduce((n, f) => n + f.deletions, 0);
  }
  async changedFilesIfAvailable() {
    return (await this.diff()).length;
  }

  /** The entry at `path` in this commit's tree; null when there is none. */
  async file({ path }: { path: string }) {
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (!clean) return null;
    const entry = await this.rec.git.entryAt((await this.commit()).tree, clean);
    return entry ? new TreeEntryModel(this.c, this.rec, entry, clean) : null;
  }

  async parents(args: PageArgs) {
    const commit = await this.commit();
    return connection(
      'parents',
      commit.parents.map(p => new CommitModel(this.c, this.rec, p)),
      m => m.oid,
      args,
    );
  }

  /**
   * Commits reachable from this one, newest first; with `path`, those that changed it (the
   * rule of REST `commits?path=`: the same `GitRepo.log`).
   */
  async history(
    args: PageArgs & {
      path?: string | null;
      since?: string | null;
      until?: string | null;
    },
  ) {
    const since = args.since ? Date.parse(args.since) / 1000 : undefined;
    const until = args.until ? Date.parse(args.until) / 1000 : undefined;
    const commits = (
      await this.rec.git.log(this.oid, args.path || undefined)
    ).filter(
      c =>
        (since === undefined || c.committer.timestamp >= since) &&
        (until === undefined || c.committer.timestamp <= until),
    );
    return connection(
      'history',
      commits.map(c => new CommitModel(this.c, this.rec, c.sha)),
      m => m.oid,
      args,
    );
  }
}

export class TagModel extends GitObjectModel {
  readonly __typename = 'Tag';

  private async tag() {
    const tag = await this.rec.git.readTag(this.oid);
    if (!tag) throw new Error(`Tag ${this.oid} is missing`);
    return tag;
  }
  async name() {
    return (await this.tag()).tag;
  }
  async message() {
    return (await this.tag()).message.replace(/\n$/, '');
  }
  async tagger() {
    return gitActor(this.c, (await this.tag()).tagger);
  }
  async target() {
    return gitObject(this.c, this.rec, (await this.tag()).object);
  }
}

export class RefModel {
  readonly __typename = 'Ref';
  constructor(
    private readonly c: GraphQLContext,
    private readonly rec: RepoRecord,
    private readonly fullName: string,
    private readonly sha: string,
  ) {}

  get id() {
    return nodeId(`03:Ref${this.rec.id}:`, this.fullName);
  }
  get prefix() {
    return /^refs\/[^/]+\//.exec(this.fullName)?.[0] ?? 'refs/';
  }
  get name() {
    return this.fullName.slice(this.prefix.length);
  }
  repository() {
    return new RepositoryModel(this.c, this.rec);
  }
  target() {
    return gitObject(this.c, this.rec, this.sha);
  }
}

export class PullRequestModel {
  readonly __typename = 'PullRequest';
  constructor(
    private readonly c: GraphQLContext,
    private readonly rec: RepoRecord,
    private readonly pull: PullRecord,
  ) {}

  get id() {
    return nodeId('011:PullRequest', this.pull.id);
  }
  get number() {
    return this.pull.number;
  }
  get title() {
    return this.pull.title;
  }
  get body() {
    return this.pull.body ?? '';
  }
  get state() {
    if (this.pull.mergedAt) return 'MERGED';
    return this.pull.state === 'open' ? 'OPEN' : 'CLOSED';
  }
  get closed() {
    return this.pull.state === 'closed';
  }
  get merged() {
    return this.pull.mergedAt !== null;
  }
  get isDraft() {
    return this.pull.draft;
  }
  get createdAt() {
    return this.pull.createdAt;
  }
  get updatedAt() {
    return this.pull.updatedAt;
  }
  get closedAt() {
    return this.pull.closedAt;
  }
  get mergedAt() {
    return this.pull.mergedAt;
  }
  get headRefName() {
    return this.pull.headRef;
  }
  get baseRefName() {
    return this.pull.baseRef;
  }
  async headRefOid() {
    return (await pullShas(this.rec, this.pull)).head;
  }
  async baseRefOid() {
    return (await pullShas(this.rec, this.pull)).base;
  }
  get resourcePath() {
    return `/${this.rec.owner.login}/${this.rec.name}/pull/${this.pull.number}`;
  }
  get url() {
    return `${this.c.api.baseUrl}${this.resourcePath}`;
  }
  get permalink() {
    return this.url;
  }
  author() {
    return actorOf(
      this.c.api,
      this.c.api.store.account(this.pull.user, 'User'),
    );
  }
  repository() {
    return new RepositoryModel(this.c, this.rec);
  }
}

const STATE_MATCH: Record<string, (p: PullRecord) => boolean> = {
  OPEN: p => p.state === 'open',
  CLOSED: p => p.state === 'closed' && !p.mergedAt,
  MERGED: p => p.mergedAt !== null,
};

export class RepositoryModel {
  readonly __typename = 'Repository';
  constructor(
    private readonly c: GraphQLContext,
    private readonly rec: RepoRecord,
  ) {}

  get id() {
    return nodeId('010:Repository', this.rec.id);
  }
  get name() {
    return this.rec.name;
  }
  get nameWithOwner() {
    return `${this.rec.owner.login}/${this.rec.name}`;
  }
  get description() {
    return this.rec.description;
  }
  get isPrivate() {
    return this.rec.private;
  }
  get isTemplate() {
    return this.rec.isTemplate;
  }
  get createdAt() {
    return this.rec.createdAt;
  }
  get updatedAt() {
    return this.rec.updatedAt;
  }
  get pushedAt() {
    return this.rec.pushedAt;
  }
  get resourcePath() {
    return `/${this.nameWithOwner}`;
  }
  get url() {
    return repoHtmlUrl(this.c.api, this.rec);
  }
  owner() {
    return actorOf(this.c.api, this.rec.owner);
  }
  async isEmpty() {
    return (await this.rec.git.listRefs()).size === 0;
  }

  private async refModel(fullName: string) {
    const sha = await this.rec.git.readRef(fullName);
    return sha ? new RefModel(this.c, this.rec, fullName, sha) : null;
  }

  defaultBranchRef() {
    return this.refModel(`refs/heads/${this.rec.defaultBranch}`);
  }

  /** `refs/heads/main` (fully qualified first) or a short name (`main`, a branch, then a tag). */
  async ref({ qualifiedName }: { qualifiedName: string }) {
    for (const candidate of [
      qualifiedName,
      `refs/heads/${qualifiedName}`,
      `refs/tags/${qualifiedName}`,
    ]) {
      if (!candidate.startsWith('refs/')) continue;
      const ref = await this.refModel(candidate);
      if (ref) return ref;
    }
    return null;
  }

  /** By `oid`, or by a git revision `expression` (`main`, `<sha>`, `main:path/to/file`). */
  async object({
    oid,
    expression,
  }: {
    oid?: string | null;
    expression?: string | null;
  }) {
    if (oid) return gitObject(this.c, this.rec, oid);
    if (!expression) return null;
    const colon = expression.indexOf(':');
    const rev = colon >= 0 ? expression.slice(0, colon) : expression;
    const path = colon >= 0 ? expression.slice(colon + 1) : undefined;
    const sha = await this.rec.git.resolveCommitish(
      rev === 'HEAD' || rev === '' ? this.rec.defaultBranch : rev,
    );
    if (!sha) return null;
    if (path === undefined) return gitObject(this.c, this.rec, sha);
    const commit = await this.rec.git.readCommit(sha);
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (!commit) return null;
    if (!clean) return new TreeModel(this.c, this.rec, commit.tree);
    const entry = await this.rec.git.entryAt(commit.tree, clean);
    if (!entry) return null;
    if (entry.type === 'tree') {
      return new TreeModel(this.c, this.rec, entry.oid, clean);
    }
    return gitObject(this.c, this.rec, entry.oid);
  }

  /**
   * Pull requests filtered by `states`, `headRefName`, `baseRefName` (and `labels`: none are
   * modelled, so any label matches nothing), in `orderBy` order (default: oldest first).
   * Sorting is REST `pulls`' own (`sortPulls`), so `states: [OPEN], orderBy: {CREATED_AT, DESC}`
   * lists exactly what `GET .../pulls?state=open` does.
   */
  pullRequests(
    args: PageArgs & {
      states?: string[] | null;
      headRefName?: string | null;
      baseRefName?: string | null;
      labels?: string[] | null;
      orderBy?: { field: string; direction: string } | null;
    },
  ) {
    const states = args.states?.length ? args.states : undefined;
    const filtered = this.rec.pulls.filter(
      p =>
        (!states || states.some(s => STATE_MATCH[s]?.(p))) &&
        (!args.headRefName || p.headRef === args.headRefName) &&
        (!args.baseRefName || p.baseRef === args.baseRefName) &&
        !args.labels?.length,
    );
    const ordered = sortPulls(filtered, {
      sort: args.orderBy?.field === 'UPDATED_AT' ? 'updated' : 'created',
      direction: args.orderBy?.direction === 'DESC' ? 'desc' : 'asc',
    });
    return connection(
      'pullRequests',
      ordered.map(p => new PullRequestModel(this.c, this.rec, p)),
      m => String(m.number),
      args,
    );
  }
}

/** Whether the token may see the repository (an installation token: its repositories only). */
function visible(c: GraphQLContext, rec: RepoRecord): boolean {
  const p = c.principal;
  if (p.kind === 'installation') {
    return coversRepo(p, rec.owner.login, rec.name);
  }
  return p.kind === 'token';
}

/** The `Query` root. */
export class QueryRoot {
  constructor(private readonly c: GraphQLContext) {}

  repository({
    owner,
    name,
    followRenames,
  }: {
    owner: string;
    name: string;
    followRenames?: boolean | null;
  }) {
    const store = this.c.api.store;
    const rec =
      store.getRepo(owner, name) ??
      (followRenames !== false ? store.renamedTo(owner, name) : undefined);
    if (!rec || !visible(this.c, rec)) {
      throw new TypedGraphQLError(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${owner}/${name}'.`,
      );
    }
    return new RepositoryModel(this.c, rec);
  }

  rateLimit() {
    const { rate, cost, nodeCount } = this.c;
    return {
      cost,
      nodeCount,
      limit: rate.limit,
      remaining: rate.remaining,
      used: rate.used,
      resetAt: iso(rate.resetAt * 1000),
    };
  }
}
