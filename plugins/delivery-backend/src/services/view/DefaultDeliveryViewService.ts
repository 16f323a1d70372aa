import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ChartArtifact,
  CodeBuildsPage,
  DeliveryView,
  EnvironmentView,
  normalizeVersion,
  readDeliveryAnnotations,
  SourceState,
  VersionStrategy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig, EnvironmentConfig } from '../../configTypes';
import type { ImageSearchResult } from '../../upstreams/nexus/NexusClient';
import { ViewCache } from './cache';
import { UpstreamClients } from '../../upstreams/clients';
import { EnvironmentResult, loadEnvironment } from './environment';
import { buildLineage, isVersionLike } from './lineage';
import { commitsForArtifacts } from './versions/artifactCommits';
import { sourceLocationRemote } from './versions/codeRepo';
import { CodeSide, loadCodeSide } from './versions/codeSide';
import { failed, Loaded, SourceLoader, sourceState } from './sources';
import { annotationInstances } from './annotationInstances';
import { loadBuildsPage } from './buildsPage';
import type { DeliveryViewService } from './types';

/** How a view was made: what the doctor needs beyond the view itself. */
export interface ViewTrace {
  problems: { annotation: string; message: string }[];
  strategies: readonly VersionStrategy[];
  code?: CodeSide;
  codeJob?: { instance: string; id: string };
  image?: { instance: string; id: string };
  chart?: { instance: string; id: string };
}

/**
 * The delivery view: every source fetched in parallel, each reported in
 * `sources`; one failing source never fails the view.
 */
export class DefaultDeliveryViewService implements DeliveryViewService {
  private constructor(
    private readonly config: DeliveryConfig,
    private readonly loader: SourceLoader,
  ) {}

  static create(options: {
    config: DeliveryConfig;
    logger: LoggerService;
    cache?: CacheService;
    /** The shared upstream clients (default: built here, ETags in `cache`). */
    clients?: UpstreamClients;
  }): DefaultDeliveryViewService {
    const cache = new ViewCache(options.cache, options.logger);
    const clients =
      options.clients ??
      new UpstreamClients(options.config, { etags: cache.etagStore() });
    const loader = new SourceLoader(
      options.config,
      clients,
      cache,
      options.logger,
    );
    return new DefaultDeliveryViewService(options.config, loader);
  }

  async getView(entity: Entity): Promise<DeliveryView> {
    return (await this.getViewWithTrace(entity)).view;
  }

  getBuildsPage(
    entity: Entity,
    page: { offset: number; limit: number },
  ): Promise<CodeBuildsPage> {
    return loadBuildsPage(
      {
        config: this.config,
        loader: this.loader,
        isMovingTag: this.isMovingTag,
      },
      entity,
      page,
    );
  }

  /** The loader (the doctor probes through the same cache). */
  get sources(): SourceLoader {
    return this.loader;
  }

  /** The view and how it was made (for the doctor). */
  async getViewWithTrace(
    entity: Entity,
  ): Promise<{ view: DeliveryView; trace: ViewTrace }> {
    const { annotations, problems } = readDeliveryAnnotations(entity);
    const release = annotations.release;
    const {
      codeJob: codeRef,
      image: imageRef,
      chart: chartRef,
    } = annotationInstances(this.config, annotations, problems);
    const strategies = annotations.versionFrom ?? this.config.versionFrom;
    const imagesLoad: Promise<Loaded<ImageSearchResult>> = imageRef.ok
      ? this.loader.attempt('nexus', () =>
          this.loader.images(imageRef.value.instance, imageRef.value.id),
        )
      : Promise.resolve(imageRef as Loaded<ImageSearchResult>);
    const imageList = async () => {
      const r = await imagesLoad;
      return r.ok ? r.value.images : [];
    };

    const [code, images, charts, envResults] = await Promise.all([
      codeRef.ok
        ? this.loader.attempt('codeJenkins', () =>
            loadCodeSide({
              loader: this.loader,
              config: this.config,
              instance: codeRef.value.instance,
              job: codeRef.value.id,
              sourceLocation: sourceLocationRemote(entity.metadata.annotations),
              strategies,
              nexus: imageRef.ok
                ? {
                    instance: imageRef.value.instance,
                    image: imageRef.value.id,
                  }
                : undefined,
              images: imageList,
              isMovingTag: this.isMovingTag,
            }),
          )
        : Promise.resolve(codeRef as Loaded<CodeSide>),
      imagesLoad,
      chartRef.ok
        ? this.loader.attempt('chartMuseum', () =>
            this.loader.charts(chartRef.value.instance, chartRef.value.id),
          )
        : Promise.resolve(chartRef as Loaded<ChartArtifact[]>),
      Promise.all(
        this.environmentsFor(annotations.environments).map(env =>
          this.environment(env, release),
        ),
      ),
    ]);

    const sources: Record<string, SourceState> = {
      codeJenkins: sourceState(code),
      nexus: images.ok
        ? sourceState({
            ok: true,
            value: null,
            incomplete: images.value.incomplete,
            note: images.value.note,
          })
        : sourceState(images),
      chartMuseum: sourceState(charts),
    };
    for (const name of annotations.environments ?? []) {
      if (!this.config.environments.some(e => e.name === name)) {
        sources[`configRepo:${name}`] = sourceState(
          failed(
            'not-configured',
            `delivery/environments: no environment named "${name}" in delivery config`,
          ),
        );
      }
    }
    for (const r of envResults) Object.assign(sources, r.sources);
    if (code.ok && code.value.sources.historyError()) {
      sources.codeRepo = sourceState(
        failed('unavailable', code.value.sources.historyError()!),
      );
    } else if (code.ok && code.value.sources.loadedHistory()) {
      const h = code.value.sources.loadedHistory()!;
      sources.codeRepo = {
        status: 'ok',
        note: `tags and the newest commits of ${h.repo}@${h.branch}`,
        ...(h.truncated ? { incomplete: true } : {}),
      };
    }

    const environments = envResults.map(r => r.view);
    const deploys = envResults
      .flatMap(r => r.deploys)
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
    const codeBuilds = code.ok ? code.value.builds : [];
    const imageArtifacts = images.ok ? images.value.images : [];
    const chartArtifacts = charts.ok ? charts.value : [];
    const artifactCommits = code.ok
      ? await commitsForArtifacts({
          versions: this.versionsWithoutBuild(
            codeBuilds,
            imageArtifacts.map(i => i.tag),
            chartArtifacts.map(c => c.version),
          ),
          important: new Set(
            environments
              .flatMap(e => [e.pinnedVersion, e.runningVersion])
              .filter((v): v is string => Boolean(v))
              .map(normalizeVersion),
          ),
          strategies,
          sources: code.value.sources,
          htmlRepoUrl: code.value.codeRepo?.github
            ? `${code.value.codeRepo.github.htmlBaseUrl}/${code.value.codeRepo.remote.owner}/${code.value.codeRepo.remote.repo}`
            : undefined,
        })
      : undefined;
    const view: DeliveryView = {
      entityRef: stringifyEntityRef(entity),
      release: release ?? '',
      generatedAt: new Date().toISOString(),
      versions: buildLineage({
        builds: codeBuilds,
        images: imageArtifacts,
        charts: chartArtifacts,
        environments,
        deploys,
        artifactCommits,
        isMovingTag: this.isMovingTag,
      }),
      environments,
      builds: codeBuilds,
      deploys,
      sources,
    };
    return {
      view,
      trace: {
        problems,
        strategies,
        code: code.ok ? code.value : undefined,
        codeJob: codeRef.ok ? codeRef.value : undefined,
        image: imageRef.ok ? imageRef.value : undefined,
        chart: chartRef.ok ? chartRef.value : undefined,
      },
    };
  }

  /** Tags that move (`latest`, ...) are never versions. */
  readonly isMovingTag = (tag: string): boolean =>
    this.config.movingTags.some(t => t.toLowerCase() === tag.toLowerCase());

  /** Published versions no code build claims (newest 20), to join to commits otherwise. */
  private versionsWithoutBuild(
    builds: { version?: string }[],
    imageTags: string[],
    chartVersions: string[],
  ): string[] {
    const built = new Set(
      builds.flatMap(b => (b.version ? [normalizeVersion(b.version)] : [])),
    );
    const seen = new Set<string>();
    return [...chartVersions, ...imageTags]
      .filter(v => {
        const n = normalizeVersion(v);
        if (
          this.isMovingTag(v) ||
          !isVersionLike(v) ||
          built.has(n) ||
          seen.has(n)
        )
          return false;
        seen.add(n);
        return true;
      })
      .slice(0, 20);
  }

  /** Drops the cached deploy runs of `env`, so the next view shows a just-queued run. */
  forgetDeployRuns(env: EnvironmentConfig): Promise<void> {
    return this.loader.forgetDeployRuns(env);
  }

  private environmentsFor(names?: string[]): readonly EnvironmentConfig[] {
    if (!names) return this.config.environments;
    return this.config.environments.filter(e => names.includes(e.name));
  }

  private async environment(
    env: EnvironmentConfig,
    release?: string,
  ): Promise<EnvironmentResult> {
    if (release) return loadEnvironment(this.loader, env, release);
    const error = failed(
      'not-configured',
      'No delivery/release or delivery/chart annotation names the release',
    );
    const view: EnvironmentView = {
      name: env.name,
      promotesFrom: env.promotesFrom,
      configRepoUrl: env.repoHtmlUrl,
      branch: env.branch,
      status: 'unknown',
      statusReason:
        'The entity does not name its release (delivery/release or delivery/chart).',
      statusFacts: [],
      missingLink: {
        link: 'entity -> release',
        reason: 'the entity names no release',
        key: 'metadata.annotations.delivery/release',
        example: 'my-service',
      },
      openPromotions: [],
    };
    const s = sourceState(error);
    return {
      view,
      deploys: [],
      sources: {
        [`configRepo:${env.name}`]: s,
        [`deployJenkins:${env.name}`]: s,
        [`cluster:${env.name}`]: s,
        [`promotions:${env.name}`]: s,
      },
    };
  }
}
