import type {
  ChartArtifact,
  SourceErrorKind,
  SourceState,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  DeliveryConfig,
  EnvironmentConfig,
  GitHubHostConfig,
} from '../../configTypes';
import { UpstreamError } from '../../upstreams/http';
import type { ImageSearchResult } from '../../upstreams/nexus/NexusClient';
import {
  CommitSummary,
  LIST_PAGE_SIZE,
  PullSummary,
} from '../../upstreams/github/GitHubReader';
import { parseGitRemote } from '../../upstreams/git/remote';
import type { JenkinsBuild } from '../../upstreams/jenkins/schema';
import type { ImageLabels } from '../../upstreams/nexus/NexusClient';
import type { DeploymentSummary } from '../../upstreams/kubernetes/KubernetesClient';
import { ViewCache } from './cache';
import { UpstreamClients } from '../../upstreams/clients';
import { RawDeployRun, toRawDeployRun } from './fromJenkinsBuild';
import { indexHistory, RepoHistory } from './versions/repoHistory';
import { viewCacheKeys } from '../liveUpdates/viewCacheKeys';
import { ConfigRepoBatch, FilesAtCommits } from './configRepoBatch';

/** The outcome of reading one source. */
export type Loaded<T> =
  | { ok: true; value: T; incomplete?: boolean; note?: string }
  | { ok: false; error: { kind: SourceErrorKind; message: string } };

/** A failed source. */
export function failed<T>(kind: SourceErrorKind, message: string): Loaded<T> {
  return { ok: false, error: { kind, message } };
}

/** The `sources` entry of a load. */
export function sourceState(l: Loaded<unknown>): SourceState {
  if (!l.ok) return { status: 'error', error: l.error };
  const s: SourceState = { status: 'ok' };
  if (l.incomplete) s.incomplete = true;
  if (l.note) s.note = l.note;
  return s;
}

/** The config repo file at the branch head. */
export interface ConfigHead {
  headSha: string;
  /** null when the requirements file does not exist at the head. */
  content: string | null;
}

const FILE_TTL_MS = 3600_000;
/** Immutable things (a file at a sha, labels of an image config digest). */
const IMMUTABLE_TTL_MS = 24 * 3600_000;
/** Commits of the config repo's requirements file read to date a pin. */
const PIN_COMMITS = 20;
const PULLS_TTL_MS = 5_000;

/** The requirements file of an environment at a commit (immutable content). */
function fileKey(env: EnvironmentConfig, sha: string): string {
  return `delivery:file:${env.apiBaseUrl}/${env.owner}/${env.repo}@${sha}:${env.requirementsPath}`;
}
const DEPLOY_LIMIT = 20;
const BUILD_LIMIT = 50;

/**
 * Loads every upstream source through the cache. Cache keys name the upstream
 * resource, never the entity, so entities sharing a config repo, deploy job or
 * namespace share the reads. Failures are returned (classified), not thrown,
 * and never cached.
 */
export class SourceLoader {
  private readonly ttlMs: number;
  /** Config repo reads of one short window: one GraphQL query per GitHub reader. */
  private readonly configRepos: ConfigRepoBatch;
  /** File keys written lately from a query's answer (skips re-writing them). */
  private readonly storedFiles = new Map<string, number>();

  constructor(
    private readonly config: DeliveryConfig,
    private readonly clients: UpstreamClients,
    private readonly cache: ViewCache,
    private readonly logger: LoggerService,
  ) {
    this.ttlMs = config.cacheTtlSeconds * 1000;
    this.configRepos = new ConfigRepoBatch({
      readerFor: env => clients.githubFor(env),
      graphql: config.githubGraphql !== false,
      logger,
      storeFiles: (env, files) => this.storeFiles(env, files),
      pinCommits: PIN_COMMITS,
    });
  }

  async attempt<T>(source: string, fn: () => Promise<T>): Promise<Loaded<T>> {
    try {
      return { ok: true, value: await fn() };
    } catch (e) {
      if (e instanceof UpstreamError) {
        this.logger.info('Delivery source failed', {
          source,
          kind: e.kind,
          error: e.message,
        });
        return failed(e.kind, e.message);
      }
      this.logger.error('Delivery source failed unexpectedly', {
        source,
        error: String(e),
      });
      return failed('bad-response', `${source}: unexpected error`);
    }
  }

  private cached<T>(key: string, load: () => Promise<T>, ttlMs = this.ttlMs) {
    return this.cachedAt(`delivery:${key}`, load, ttlMs);
  }

  /** `key` with its prefix (the keys live updates invalidate: viewCacheKeys). */
  private cachedAt<T>(key: string, load: () => Promise<T>, ttlMs = this.ttlMs) {
    return this.cache.getOrLoad<T>(key, ttlMs, load);
  }

  /** The newest code builds of a job, as Jenkins reports them (one request). */
  codeBuilds(instance: string, job: string): Promise<JenkinsBuild[]> {
    const client = this.clients.codeJenkins.get(instance)!;
    return this.cachedAt(viewCacheKeys.codeBuilds(instance, job), () =>
      client.listBuilds(job, { limit: BUILD_LIMIT, changeSets: true }),
    );
  }

  /**
   * An older page of a code job's builds (`offset` past the newest), one
   * request; cached like the newest page, under its own key.
   */
  codeBuildsPage(
    instance: string,
    job: string,
    page: { offset: number; limit: number },
  ): Promise<JenkinsBuild[]> {
    const client = this.clients.codeJenkins.get(instance)!;
    return this.cachedAt(
      `${viewCacheKeys.codeBuilds(instance, job)}:page:${page.offset}:${
        page.limit
      }`,
      () => client.listBuilds(job, { ...page, changeSets: true }),
    );
  }

  /**
   * The code repo's tags and the newest commits of the built branch: two
   * requests per repo and cache period, whatever the number of builds.
   */
  repoHistory(
    host: GitHubHostConfig,
    owner: string,
    repo: string,
    branch: string,
  ): Promise<RepoHistory> {
    const gh = this.clients.githubForRepo(host, owner, repo);
    return this.cached(
      `history:${host.apiBaseUrl}/${owner}/${repo}@${branch}`,
      async () => {
        const [tags, commits] = await Promise.all([
          gh.listTags(owner, repo),
          gh.listCommits(owner, repo, branch),
        ]);
        return { tags, commits };
      },
    ).then(({ tags, commits }) =>
      indexHistory({
        repo: `${owner}/${repo}`,
        branch,
        tags,
        commits,
        pageSize: LIST_PAGE_SIZE,
      }),
    );
  }

  /** A file of a code repo at a commit (immutable; undefined when absent). */
  codeFileAt(
    host: GitHubHostConfig,
    owner: string,
    repo: string,
    path: string,
    sha: string,
  ): Promise<string | undefined> {
    const gh = this.clients.githubForRepo(host, owner, repo);
    return this.cached(
      `codefile:${host.apiBaseUrl}/${owner}/${repo}@${sha}:${path}`,
      async () => {
        try {
          return (await gh.getFile(owner, repo, path, sha)).content;
        } catch (e) {
          if (e instanceof UpstreamError && e.kind === 'not-found') return null;
          throw e;
        }
      },
      IMMUTABLE_TTL_MS,
    ).then(v => v ?? undefined);
  }

  /** OCI labels of an image tag (cached by digest when known). */
  imageLabels(
    instance: string,
    image: string,
    tag: string,
    digest?: string,
  ): Promise<ImageLabels> {
    const client = this.clients.nexus.get(instance)!;
    return this.cached(
      `labels:${instance}:${image}:${tag}:${digest ?? ''}`,
      () => client.imageLabels(image, tag),
      digest ? IMMUTABLE_TTL_MS : this.ttlMs,
    );
  }

  /** The newest commits of the config repo that touched the requirements file (to date a pin). */
  pinCommits(env: EnvironmentConfig): Promise<CommitSummary[]> {
    return this.cachedAt(viewCacheKeys.pinCommits(env), () =>
      this.configRepos.pins(env),
    );
  }

  /** Job names in a code-Jenkins folder (the doctor's suggestions; not cached). */
  codeJobNames(instance: string, folder: string): Promise<string[]> {
    return this.clients.codeJenkins.get(instance)!.listJobNames(folder);
  }

  images(instance: string, image: string): Promise<ImageSearchResult> {
    const client = this.clients.nexus.get(instance)!;
    return this.cached(`nexus:${instance}:${image}`, async () =>
      client.listImageTags(image),
    );
  }

  charts(instance: string, chart: string): Promise<ChartArtifact[]> {
    const client = this.clients.chartMuseum.get(instance)!;
    return this.cached(`chart:${instance}:${chart}`, async () =>
      client.listChartVersions(chart),
    );
  }

  /**
   * The branch head and the requirements file at that exact commit. Through
   * GraphQL the pin history is asked at the same time: the same query, so
   * dating a pin later costs no request.
   */
  configHead(env: EnvironmentConfig): Promise<ConfigHead> {
    return this.cachedAt(viewCacheKeys.configHead(env), async () => {
      if (this.configRepos.readsAlong(env)) {
        this.pinCommits(env).catch(() => undefined);
      }
      const head = await this.configRepos.head(env);
      const content =
        head.content !== undefined
          ? head.content
          : await this.fileAt(env, head.headSha);
      return { headSha: head.headSha, content };
    });
  }

  /** The requirements file at a commit (immutable: cached for an hour). */
  fileAt(env: EnvironmentConfig, sha: string): Promise<string | null> {
    return this.cachedAt(
      fileKey(env, sha),
      () => this.configRepos.fileAt(env, sha),
      FILE_TTL_MS,
    );
  }

  /**
   * Keeps the files a config repo query answered along (at the head, the
   * pin history and the newest commits) under `fileAt`'s keys.
   */
  private async storeFiles(
    env: EnvironmentConfig,
    files: FilesAtCommits,
  ): Promise<void> {
    const now = Date.now();
    if (this.storedFiles.size > 10_000) this.storedFiles.clear();
    await Promise.all(
      [...files].map(async ([sha, content]) => {
        const key = fileKey(env, sha);
        if ((this.storedFiles.get(key) ?? 0) > now - FILE_TTL_MS / 2) return;
        this.storedFiles.set(key, now);
        await this.cachedAt(key, async () => content, FILE_TTL_MS);
      }),
    );
  }

  /** Forgets the cached deploy runs of an environment (a run was just queued). */
  forgetDeployRuns(env: EnvironmentConfig): Promise<void> {
    return this.cache.forget(viewCacheKeys.deployRuns(env));
  }

  deployRuns(env: EnvironmentConfig): Promise<RawDeployRun[]> {
    const { instance, job } = env.deployJob;
    const client = this.clients.deployJenkins.get(instance)!;
    return this.cachedAt(viewCacheKeys.deployRuns(env), async () => {
      const builds = await client.listBuilds(job, { limit: DEPLOY_LIMIT });
      const repo = parseGitRemote(env.configRepoUrl)!;
      return builds.map(b => toRawDeployRun(b, repo, this.config.hostAliases));
    });
  }

  deployments(env: EnvironmentConfig): Promise<DeploymentSummary[]> {
    const client = this.clients.kubernetesFor(env)!;
    return this.cachedAt(viewCacheKeys.deployments(env.cluster!), async () =>
      client.listDeployments(),
    );
  }

  /**
   * Open PRs, kept at most 5 s so a promotion shows up almost at once. A
   * re-check on its own is a conditional REST read (a 304 is free of rate
   * limit when nothing changed); with other config repo reads, one query.
   */
  pulls(env: EnvironmentConfig): Promise<PullSummary[]> {
    return this.cachedAt(
      viewCacheKeys.pulls(env),
      () => this.configRepos.pulls(env),
      Math.min(this.ttlMs, PULLS_TTL_MS),
    );
  }
}
