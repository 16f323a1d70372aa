import DataLoader from 'dataloader';
import { z } from 'zod';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EnvironmentConfig } from '../../configTypes';
import { checkShape, UpstreamError } from '../../upstreams/http';
import type {
  CommitSummary,
  GitHubReader,
  PullSummary,
} from '../../upstreams/github/GitHubReader';
import type { GraphQLAnswer } from '../../upstreams/github/GitHubGraphQL';

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

type PartResult = HeadRead | CommitSummary[] | PullSummary[] | string | null;

interface PartKey {
  env: EnvironmentConfig;
  part: ConfigRepoPart;
}

/** Options of {@link ConfigRepoBatch}. */
export interface ConfigRepoBatchOptions {
  /** The GitHub reader of an environment (one per host and credentials). */
  readerFor(env: EnvironmentConfig): GitHubReader;
  /** False: REST only (`delivery.github.graphql: false`). */
  graphql: boolean;
  logger: LoggerService;
  /**
   * Keeps the requirements file at the commits a query answered along
   * (head, pin history, newest commits of the branch): immutable per sha.
   */
  storeFiles(env: EnvironmentConfig, files: FilesAtCommits): Promise<void>;
  /** Commits of the requirements file read to date a pin (REST `per_page`). */
  pinCommits: number;
  /** How long a batch waits for more parts (cache misses arrive a few ms apart). */
  batchWindowMs?: number;
}

/** Newest commits of a config branch whose requirements file a head query also reads. */
const RECENT_COMMITS = 20;
/** Open pull requests per query (GitHub's most per connection). */
const PULLS_PER_QUERY = 100;
/** Most parts in one query (bounds its size and cost). */
const MAX_BATCH = 50;
/** How long a host without GraphQL (HTTP 404) is read through REST only. */
const NO_GRAPHQL_MS = 10 * 60_000;
/** At most one log line per reader and this period for a failed query. */
const LOG_EVERY_MS = 60_000;

const blobFile = z
  .object({
    oid: z.string().optional(),
    object: z
      .object({
        text: z.string().nullable().optional(),
        isTruncated: z.boolean().optional(),
      })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough()
  .nullable();
type BlobFile = z.infer<typeof blobFile>;

const commitNode = z
  .object({
    oid: z.string(),
    message: z.string(),
    committedDate: z.string().nullable().optional(),
    url: z.string().nullable().optional(),
    author: z
      .object({ name: z.string().nullable().optional() })
      .passthrough()
      .nullable()
      .optional(),
    parents: z
      .object({ nodes: z.array(z.object({ oid: z.string() }).passthrough()) })
      .passthrough()
      .optional(),
    file: blobFile.optional(),
  })
  .passthrough();

const pullNode = z
  .object({
    number: z.number(),
    url: z.string(),
    title: z.string(),
    headRefName: z.string(),
    createdAt: z.string().nullable().optional(),
    author: z
      .object({ login: z.string(), __typename: z.string().optional() })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();

const repoAlias = z
  .object({
    ref: z
      .object({
        target: z
          .object({
            oid: z.string(),
            file: blobFile.optional(),
            pins: z
              .object({ nodes: z.array(commitNode) })
              .passthrough()
              .optional(),
            recent: z
              .object({
                nodes: z.array(
                  z
                    .object({ oid: z.string(), file: blobFile.optional() })
                    .passthrough(),
                ),
              })
              .passthrough()
              .optional(),
          })
          .passthrough(),
      })
      .passthrough()
      .nullable()
      .optional(),
    pullRequests: z
      .object({
        pageInfo: z.object({ hasNextPage: z.boolean() }).passthrough(),
        nodes: z.array(pullNode),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

const fileAlias = z
  .object({
    object: z
      .object({ oid: z.string().optional(), file: blobFile.optional() })
      .passthrough()
      .nullable(),
  })
  .passthrough();

const FILE_FIELDS = 'oid object { ... on Blob { text isTruncated } }';
const COMMIT_FRAGMENT =
  'fragment DeliveryCommit on Commit { oid message committedDate url author { name } parents(first: 5) { nodes { oid } } }';

/**
 * The text of a file field: null when the path does not exist there,
 * undefined when it cannot be told from the answer (not a blob, binary or
 * truncated: then REST reads it).
 */
function fileText(file: BlobFile | undefined): string | null | undefined {
  if (file === undefined) return undefined;
  if (file === null) return null;
  const text = file.object?.text;
  if (typeof text !== 'string' || file.object?.isTruncated) return undefined;
  return text;
}

/** A rejected promise already observed (its reader awaits it later). */
function rejected<T>(e: unknown): Promise<T> {
  const p = Promise.reject(e);
  p.catch(() => undefined);
  return p;
}

/** Marks a promise observed: its reader may await it only after other awaits. */
function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

function toCommit(n: z.infer<typeof commitNode>): CommitSummary {
  const c: CommitSummary = {
    sha: n.oid,
    message: n.message,
    parents: (n.parents?.nodes ?? []).map(p => p.oid),
  };
  if (n.author?.name) c.author = n.author.name;
  if (n.committedDate) c.date = n.committedDate;
  if (n.url) c.url = n.url;
  return c;
}

function toPull(p: z.infer<typeof pullNode>): PullSummary {
  const pull: PullSummary = {
    number: p.number,
    url: p.url,
    title: p.title,
    branch: p.headRefName,
  };
  if (p.author?.login) {
    // GraphQL names a bot without the `[bot]` suffix of its REST login
    pull.author =
      p.author.__typename === 'Bot' && !p.author.login.endsWith('[bot]')
        ? `${p.author.login}[bot]`
        : p.author.login;
  }
  if (p.createdAt) pull.createdAt = p.createdAt;
  return pull;
}

/** Where files at commits of one config repo's requirements file are kept. */
function filesKey(env: EnvironmentConfig): string {
  return `${env.apiBaseUrl}/${env.owner}/${env.repo}:${env.requirementsPath}`;
}

function partId(k: PartKey): string {
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

/** A query under construction: aliases, their variables and how to read each part. */
class QueryBuilder {
  private readonly fields: string[] = [];
  private readonly declarations: string[] = [];
  readonly variables: Record<string, unknown> = {};
  private usesCommitFragment = false;
  private next = 0;

  /** Adds a config repo alias; returns its name. */
  repo(
    env: EnvironmentConfig,
    wants: { head: boolean; pins: boolean; pulls: boolean },
    pinCommits: number,
  ): string {
    const i = this.next++;
    const alias = `r${i}`;
    this.variables[`o${i}`] = env.owner;
    this.variables[`n${i}`] = env.repo;
    this.declarations.push(`$o${i}: String!`, `$n${i}: String!`);
    let body = '';
    if (wants.head || wants.pins) {
      this.variables[`b${i}`] = `refs/heads/${env.branch}`;
      this.variables[`p${i}`] = env.requirementsPath;
      this.declarations.push(`$b${i}: String!`, `$p${i}: String!`);
      const commit: string[] = [];
      if (wants.head) {
        commit.push(
          `file(path: $p${i}) { oid object { ... on Blob { text isTruncated byteSize } } }`,
        );
      }
      if (wants.pins) {
        this.usesCommitFragment = true;
        commit.push(
          `pins: history(first: ${pinCommits}, path: $p${i}) { nodes { ...DeliveryCommit file(path: $p${i}) { ${FILE_FIELDS} } } }`,
        );
      }
      if (wants.head) {
        commit.push(
          `recent: history(first: ${RECENT_COMMITS}) { nodes { oid file(path: $p${i}) { ${FILE_FIELDS} } } }`,
        );
      }
      body += ` ref(qualifiedName: $b${i}) { target { oid ... on Commit { ${commit.join(
        ' ',
      )} } } }`;
    }
    if (wants.pulls) {
      body += ` pullRequests(states: [OPEN], first: ${PULLS_PER_QUERY}, orderBy: {field: CREATED_AT, direction: DESC}) { pageInfo { hasNextPage endCursor } nodes { number url title headRefName createdAt author { login __typename } } }`;
    }
    this.fields.push(
      `${alias}: repository(owner: $o${i}, name: $n${i}) {${body} }`,
    );
    return alias;
  }

  /** Adds a file-at-commit alias; returns its name. */
  file(env: EnvironmentConfig, sha: string): string {
    const i = this.next++;
    const alias = `f${i}`;
    Object.assign(this.variables, {
      [`o${i}`]: env.owner,
      [`n${i}`]: env.repo,
      [`s${i}`]: sha,
      [`p${i}`]: env.requirementsPath,
    });
    this.declarations.push(
      `$o${i}: String!`,
      `$n${i}: String!`,
      `$s${i}: GitObjectID!`,
      `$p${i}: String!`,
    );
    this.fields.push(
      `${alias}: repository(owner: $o${i}, name: $n${i}) { object(oid: $s${i}) { ... on Commit { oid file(path: $p${i}) { ${FILE_FIELDS} } } } }`,
    );
    return alias;
  }

  text(): string {
    return [
      `query DeliveryConfigRepos(${this.declarations.join(', ')}) {`,
      ...this.fields.map(f => `  ${f}`),
      '  rateLimit { cost remaining resetAt }',
      '}',
      ...(this.usesCommitFragment ? [COMMIT_FRAGMENT] : []),
    ].join('\n');
  }
}

/** A head read queued or in flight, which answers files along (GraphQL). */
interface PendingHead {
  dispatched: boolean;
  done: Promise<void>;
  resolve: () => void;
}

/**
 * Batches the view's config repo reads (#13): the parts asked within a short
 * window (`head`, `pins`, `pulls`, `file@sha`) are grouped by GitHub reader
 * (host and credentials); a group of two or more parts is ONE GraphQL query
 * of aliases, a single part is today's REST call (conditional: an unchanged
 * resource is a free 304). A query also answers the requirements file at the
 * newest commits of the branch and of the file, handed to `storeFiles`, so
 * the files at deployed config commits and the pin history cost nothing more.
 *
 * Never a silently truncated answer: more than 100 open pull requests, a
 * truncated or binary blob, or a host without GraphQL (404) or a failed
 * query (other than refused credentials) are read through REST instead.
 * Nothing is cached here (DataLoader's cache is off): the view's cache keeps
 * results, under the same keys as before.
 */
export class ConfigRepoBatch {
  private readonly loader: DataLoader<PartKey, PartResult, PartKey>;
  private readonly noGraphqlUntil = new Map<GitHubReader, number>();
  private readonly loggedAt = new Map<GitHubReader, number>();
  /** The files answered along by the newest query of each repo (immutable per sha). */
  private readonly recentFiles = new Map<string, FilesAtCommits>();
  private readonly pendingHeads = new Map<string, PendingHead>();

  constructor(private readonly options: ConfigRepoBatchOptions) {
    const windowMs = options.batchWindowMs ?? 5;
    this.loader = new DataLoader(keys => this.loadBatch(keys), {
      cache: false,
      maxBatchSize: MAX_BATCH,
      batchScheduleFn: callback => setTimeout(callback, windowMs),
    });
  }

  /**
   * True when a head read goes through GraphQL, so asking for the pin
   * history at the same time costs no request (the same query).
   */
  readsAlong(env: EnvironmentConfig): boolean {
    return this.graphqlUsable(this.options.readerFor(env));
  }

  /** The branch head (and, through GraphQL, the requirements file at it). */
  head(env: EnvironmentConfig): Promise<HeadRead> {
    const key = filesKey(env);
    let pending: PendingHead | undefined;
    if (this.readsAlong(env) && !this.pendingHeads.has(key)) {
      let resolve!: () => void;
      const done = new Promise<void>(r => {
        resolve = r;
      });
      pending = { dispatched: false, done, resolve };
      this.pendingHeads.set(key, pending);
    }
    const load = this.loader.load({ env, part: { kind: 'head' } });
    if (pending) {
      const p = pending;
      const settle = () => {
        p.resolve();
        if (this.pendingHeads.get(key) === p) this.pendingHeads.delete(key);
      };
      load.then(settle, settle);
    }
    return load as Promise<HeadRead>;
  }

  /** The newest commits touching the requirements file (today's `listCommits` with a path). */
  pins(env: EnvironmentConfig): Promise<CommitSummary[]> {
    return this.loader.load({ env, part: { kind: 'pins' } }) as Promise<
      CommitSummary[]
    >;
  }

  /** Open pull requests of the config repo. */
  pulls(env: EnvironmentConfig): Promise<PullSummary[]> {
    return this.loader.load({ env, part: { kind: 'pulls' } }) as Promise<
      PullSummary[]
    >;
  }

  /**
   * The requirements file at a commit (null: absent). A file a head query
   * already answered (or is about to) costs no request.
   */
  async fileAt(env: EnvironmentConfig, sha: string): Promise<string | null> {
    const key = filesKey(env);
    const known = this.recentFiles.get(key);
    if (known?.has(sha)) return known.get(sha)!;
    const pending = this.pendingHeads.get(key);
    if (pending?.dispatched) {
      // in flight: its answer most likely holds this commit
      await pending.done;
      const after = this.recentFiles.get(key);
      if (after?.has(sha)) return after.get(sha)!;
    }
    return this.loader.load({ env, part: { kind: 'file', sha } }) as Promise<
      string | null
    >;
  }

  private graphqlUsable(reader: GitHubReader): boolean {
    if (!this.options.graphql) return false;
    return Date.now() >= (this.noGraphqlUntil.get(reader) ?? 0);
  }

  private async loadBatch(
    keys: readonly PartKey[],
  ): Promise<Array<PartResult | Error>> {
    // heads of this batch are now in flight (no more joining)
    for (const k of keys) {
      if (k.part.kind === 'head') {
        const p = this.pendingHeads.get(filesKey(k.env));
        if (p) p.dispatched = true;
      }
    }
    const groups = new Map<GitHubReader, Map<string, PartKey>>();
    for (const k of keys) {
      const reader = this.options.readerFor(k.env);
      const group = groups.get(reader) ?? new Map<string, PartKey>();
      if (!group.has(partId(k))) group.set(partId(k), k);
      groups.set(reader, group);
    }
    const results = new Map<string, Promise<PartResult>>();
    await Promise.all(
      [...groups].map(async ([reader, parts]) => {
        const loaded = await this.loadGroup(reader, [...parts.values()]);
        for (const [id, p] of loaded) results.set(id, p);
      }),
    );
    return Promise.all(
      keys.map(k =>
        results.get(partId(k))!.then(
          v => v,
          e => (e instanceof Error ? e : new Error(String(e))),
        ),
      ),
    );
  }

  /** Reads one reader's parts: one query for two or more, else REST. */
  private async loadGroup(
    reader: GitHubReader,
    parts: PartKey[],
  ): Promise<Map<string, Promise<PartResult>>> {
    const out = new Map<string, Promise<PartResult>>();
    const rest = (list: PartKey[]) => {
      for (const k of list) out.set(partId(k), observed(this.rest(reader, k)));
      this.releaseHeads(list);
    };
    if (parts.length < 2 || !this.graphqlUsable(reader)) {
      rest(parts);
      return out;
    }
    try {
      for (const [id, p] of await this.query(reader, parts)) out.set(id, p);
    } catch (e) {
      const err =
        e instanceof UpstreamError
          ? e
          : new UpstreamError('bad-response', `GitHub GraphQL: ${String(e)}`);
      if (err.kind === 'unauthorized') {
        // REST would be refused the same way
        for (const k of parts) out.set(partId(k), rejected(err));
        this.releaseHeads(parts);
        return out;
      }
      if (err.kind === 'not-found') {
        this.noGraphqlUntil.set(reader, Date.now() + NO_GRAPHQL_MS);
      }
      this.logFallback(reader, err);
      rest(parts);
    }
    return out;
  }

  private releaseHeads(parts: PartKey[]) {
    for (const k of parts) {
      if (k.part.kind === 'head') {
        this.pendingHeads.get(filesKey(k.env))?.resolve();
      }
    }
  }

  private logFallback(reader: GitHubReader, err: UpstreamError) {
    const last = this.loggedAt.get(reader) ?? 0;
    if (Date.now() - last < LOG_EVERY_MS) return;
    this.loggedAt.set(reader, Date.now());
    this.options.logger.info(
      err.kind === 'not-found'
        ? 'Delivery: no GitHub GraphQL endpoint; config repos are read through REST'
        : 'Delivery: GitHub GraphQL query failed; config repos read through REST',
      { kind: err.kind, error: err.message },
    );
  }

  /** Today's REST call for one part (conditional: If-None-Match). */
  private async rest(reader: GitHubReader, k: PartKey): Promise<PartResult> {
    const { env, part } = k;
    switch (part.kind) {
      case 'head':
        return {
          headSha: await reader.getBranchHead(env.owner, env.repo, env.branch),
        };
      case 'pins':
        return reader.listCommits(env.owner, env.repo, env.branch, {
          path: env.requirementsPath,
          perPage: this.options.pinCommits,
        });
      case 'pulls':
        return reader.listOpenPulls(env.owner, env.repo);
      default:
        return this.restFile(reader, env, part.sha);
    }
  }

  private async restFile(
    reader: GitHubReader,
    env: EnvironmentConfig,
    sha: string,
  ): Promise<string | null> {
    try {
      return (
        await reader.getFile(env.owner, env.repo, env.requirementsPath, sha)
      ).content;
    } catch (e) {
      if (e instanceof UpstreamError && e.kind === 'not-found') return null;
      throw e;
    }
  }

  /**
   * ONE GraphQL query for the parts (a POST: GitHub offers no conditional
   * GraphQL request, so this costs one request and its points every time).
   */
  private async query(
    reader: GitHubReader,
    parts: PartKey[],
  ): Promise<Map<string, Promise<PartResult>>> {
    const q = new QueryBuilder();
    const pinCommits = this.options.pinCommits;
    interface RepoAlias {
      env: EnvironmentConfig;
      head: boolean;
      pins: boolean;
      pulls: boolean;
    }
    // one alias per repo target (repo, branch, file); pulls ride on one of
    // the repo's aliases, else get their own
    const targets = new Map<string, RepoAlias>();
    const targetOf = (env: EnvironmentConfig) =>
      `${env.owner}/${env.repo}@${env.branch}:${env.requirementsPath}`;
    for (const { env, part } of parts) {
      if (part.kind !== 'head' && part.kind !== 'pins') continue;
      const t = targets.get(targetOf(env)) ?? {
        env,
        head: false,
        pins: false,
        pulls: false,
      };
      t[part.kind] = true;
      targets.set(targetOf(env), t);
    }
    const pullsAlias = new Map<string, RepoAlias>();
    for (const { env, part } of parts) {
      if (part.kind !== 'pulls') continue;
      const repo = `${env.owner}/${env.repo}`;
      let t = [...targets.values()].find(
        x => `${x.env.owner}/${x.env.repo}` === repo,
      );
      if (!t) {
        t = { env, head: false, pins: false, pulls: false };
        targets.set(`pulls:${repo}`, t);
      }
      t.pulls = true;
      pullsAlias.set(repo, t);
    }
    const aliasOf = new Map<RepoAlias, string>();
    for (const t of targets.values())
      aliasOf.set(t, q.repo(t.env, t, pinCommits));
    const fileAliases = new Map<string, string>();
    for (const k of parts) {
      if (k.part.kind === 'file')
        fileAliases.set(partId(k), q.file(k.env, k.part.sha));
    }

    const what = `GitHub GraphQL (${parts.length} config repo reads)`;
    const answer = await reader.graphql.query(q.text(), q.variables, what);

    const out = new Map<string, Promise<PartResult>>();
    for (const t of targets.values()) {
      const alias = aliasOf.get(t)!;
      const parsed = this.readAlias(answer, alias, repoAlias, t.env);
      let files: FilesAtCommits | undefined;
      if (parsed.ok && (t.head || t.pins)) {
        files = this.filesOf(parsed.value);
        if (files.size) {
          const key = filesKey(t.env);
          this.recentFiles.set(key, files);
          // not awaited: a file read of the same key may be waiting for
          // this very answer (it then finds recentFiles and caches it)
          void this.options.storeFiles(t.env, files).catch(() => undefined);
        }
      }
      const id = (kind: 'head' | 'pins') =>
        partId({ env: t.env, part: { kind } });
      if (t.head)
        out.set(id('head'), observed(this.headOf(reader, t.env, parsed)));
      if (t.pins) out.set(id('pins'), observed(this.pinsOf(t.env, parsed)));
    }
    for (const { env, part } of parts) {
      if (part.kind !== 'pulls') continue;
      const t = pullsAlias.get(`${env.owner}/${env.repo}`)!;
      const parsed = this.readAlias(answer, aliasOf.get(t)!, repoAlias, env);
      out.set(
        partId({ env, part }),
        observed(this.pullsOf(reader, env, parsed)),
      );
    }
    for (const k of parts) {
      if (k.part.kind !== 'file') continue;
      const sha = k.part.sha;
      const parsed = this.readAlias(
        answer,
        fileAliases.get(partId(k))!,
        fileAlias,
        k.env,
      );
      out.set(
        partId(k),
        observed(
          (async () => {
            if (!parsed.ok) throw parsed.error;
            const obj = parsed.value?.object;
            if (obj === null) return null; // unknown commit: as REST's 404
            const text = fileText(obj?.file);
            return text === undefined
              ? this.restFile(reader, k.env, sha)
              : text;
          })(),
        ),
      );
    }
    // file reads waiting for this answer go on (they find recentFiles)
    this.releaseHeads(parts);
    return out;
  }

  private readAlias<T extends z.ZodTypeAny>(
    answer: GraphQLAnswer,
    alias: string,
    schema: T,
    env: EnvironmentConfig,
  ): { ok: true; value: z.infer<T> } | { ok: false; error: UpstreamError } {
    const what = `GitHub ${env.owner}/${env.repo}`;
    const error = answer.errors.get(alias);
    if (error) {
      return {
        ok: false,
        error: new UpstreamError(
          error.kind,
          error.message.replace(/^GitHub GraphQL \([^)]*\)/, what),
          { upstreamStatus: error.upstreamStatus },
        ),
      };
    }
    const data = answer.data[alias];
    if (data === null || data === undefined) {
      return {
        ok: false,
        error: new UpstreamError('not-found', `${what}: repository not found`, {
          upstreamStatus: 404,
        }),
      };
    }
    try {
      return { ok: true, value: checkShape(schema, data, `${what} (GraphQL)`) };
    } catch (e) {
      return { ok: false, error: e as UpstreamError };
    }
  }

  private filesOf(r: z.infer<typeof repoAlias>): FilesAtCommits {
    const files: FilesAtCommits = new Map();
    const target = r.ref?.target;
    if (!target) return files;
    const add = (sha: string, file: BlobFile | undefined) => {
      const text = fileText(file);
      if (text !== undefined) files.set(sha, text);
    };
    add(target.oid, target.file);
    for (const n of target.pins?.nodes ?? []) add(n.oid, n.file);
    for (const n of target.recent?.nodes ?? []) add(n.oid, n.file);
    return files;
  }

  private async headOf(
    reader: GitHubReader,
    env: EnvironmentConfig,
    parsed: ReturnType<ConfigRepoBatch['readAlias']>,
  ): Promise<HeadRead> {
    if (!parsed.ok) throw parsed.error;
    const target = (parsed.value as z.infer<typeof repoAlias>).ref?.target;
    if (!target) throw this.noBranch(env);
    const text = fileText(target.file);
    return {
      headSha: target.oid,
      content:
        text === undefined
          ? await this.restFile(reader, env, target.oid)
          : text,
    };
  }

  private async pinsOf(
    env: EnvironmentConfig,
    parsed: ReturnType<ConfigRepoBatch['readAlias']>,
  ): Promise<CommitSummary[]> {
    if (!parsed.ok) throw parsed.error;
    const target = (parsed.value as z.infer<typeof repoAlias>).ref?.target;
    if (!target) throw this.noBranch(env);
    if (!target.pins) {
      throw new UpstreamError(
        'bad-response',
        `GitHub ${env.owner}/${env.repo} (GraphQL): no pin history in the answer`,
      );
    }
    return target.pins.nodes.map(toCommit);
  }

  private async pullsOf(
    reader: GitHubReader,
    env: EnvironmentConfig,
    parsed: ReturnType<ConfigRepoBatch['readAlias']>,
  ): Promise<PullSummary[]> {
    if (!parsed.ok) throw parsed.error;
    const prs = (parsed.value as z.infer<typeof repoAlias>).pullRequests;
    if (!prs) {
      throw new UpstreamError(
        'bad-response',
        `GitHub ${env.owner}/${env.repo} (GraphQL): no pull requests in the answer`,
      );
    }
    // more than one page: every page through REST, never a truncated list
    if (prs.pageInfo.hasNextPage)
      return reader.listOpenPulls(env.owner, env.repo);
    return prs.nodes.map(toPull);
  }

  private noBranch(env: EnvironmentConfig): UpstreamError {
    return new UpstreamError(
      'not-found',
      `GitHub ${env.owner}/${env.repo} branch ${env.branch}: not found`,
      { upstreamStatus: 404 },
    );
  }
}
