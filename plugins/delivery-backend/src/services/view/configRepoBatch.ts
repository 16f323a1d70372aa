import DataLoader from 'dataloader';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EnvironmentConfig } from '../../configTypes';
import { UpstreamError } from '../../upstreams/http';
import type {
  CommitSummary,
  GitHubReader,
  PullSummary,
} from '../../upstreams/github/GitHubReader';
import {
  FilesAtCommits,
  filesKey,
  HeadRead,
  observed,
  partId,
  PartKey,
  PartResult,
  rejected,
} from './configRepoParts';
import { queryConfigRepos } from './configRepoQuery';

export type {
  ConfigRepoPart,
  FilesAtCommits,
  HeadRead,
} from './configRepoParts';

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

/** Most parts in one query (bounds its size and cost). */
const MAX_BATCH = 50;
/** How long a host without GraphQL (HTTP 404) is read through REST only. */
const NO_GRAPHQL_MS = 10 * 60_000;
/** At most one log line per reader and this period for a failed query. */
const LOG_EVERY_MS = 60_000;

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
      const answered = await queryConfigRepos(reader, parts, {
        pinCommits: this.options.pinCommits,
        restFile: (env, sha) => this.restFile(reader, env, sha),
        onFiles: (env, files) => {
          this.recentFiles.set(filesKey(env), files);
          // not awaited: a file read of the same key may be waiting for
          // this very answer (it then finds recentFiles and caches it)
          this.options.storeFiles(env, files).catch(() => undefined);
        },
      });
      // file reads waiting for this answer go on (they find recentFiles)
      this.releaseHeads(parts);
      for (const [id, p] of answered) out.set(id, p);
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
}
