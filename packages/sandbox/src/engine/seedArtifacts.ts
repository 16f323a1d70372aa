import { ChartMuseumState, type ChartRecord } from '../chartmuseum';
import { NexusState } from '../nexus';
import { publishedVersions, type WorldService } from '../world';
import { shaOf, type EngineContext } from './context';

/** The chart record a service publishes for a version. */
export function chartRecord(
  service: WorldService,
  version: string,
  created: string,
): ChartRecord {
  return {
    name: service.chart,
    version,
    description:
      service.description || `${service.name} chart that runs on kubernetes`,
    apiVersion: service.chartApiVersion,
    appVersion: service.chartApiVersion === 'v2' ? version : undefined,
    home: `https://github.com/${service.codeRepo.owner}/${service.codeRepo.name}`,
    keywords: [service.name, 'kubernetes'],
    maintainers: [{ name: 'Stakater', email: 'hello@stakater.com' }],
    created,
  };
}

/** Image size in bytes (stable per version). */
export function imageSize(version: string): number {
  let h = 0;
  for (const ch of version) h = (h * 31 + ch.charCodeAt(0)) % 997;
  return 1500 + h;
}

/** OCI labels of a release's image (worlds with `settings.imageLabels`; else none). */
export function imageLabels(
  ctx: EngineContext,
  service: WorldService,
  version: string,
  created: string,
  revision: string | undefined,
): Record<string, string> | undefined {
  if (!ctx.world.settings.imageLabels) return undefined;
  const { owner, name } = service.codeRepo;
  return {
    'org.opencontainers.image.created': created,
    ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
    'org.opencontainers.image.source': ctx.store.htmlUrl(owner, name),
    'org.opencontainers.image.version': version,
  };
}

/** A release to publish: image and/or chart `version`, built from `revision` (a sha). */
export interface Release {
  version: string;
  created: string;
  image: boolean;
  chart: boolean;
  revision?: string;
}

/**
 * Pushes a release's image and chart, and moves the world's moving tag (`latest`) onto it:
 * the Nexus tag gets the release's very image (same manifest digest), the chart version is
 * re-uploaded with the release's content.
 */
export function publishRelease(
  ctx: EngineContext,
  nexus: NexusState,
  charts: ChartMuseumState,
  service: WorldService,
  r: Release,
): void {
  const moving = ctx.world.settings.movingTag;
  if (r.image) {
    const image = {
      repository: ctx.nexusRepository,
      name: service.image,
      created: r.created,
      uploader: 'jenkins',
      fileSize: imageSize(r.version),
      labels: imageLabels(ctx, service, r.version, r.created, r.revision),
    };
    nexus.push({ ...image, version: r.version });
    if (moving)
      nexus.push({
        ...image,
        version: moving,
        imageOf: r.version,
        imageCreated: r.created,
      });
  }
  if (r.chart) {
    charts.add(chartRecord(service, r.version, r.created));
    if (moving) {
      charts.remove(service.chart, moving);
      charts.add({
        ...chartRecord(service, moving, r.created),
        appVersion: r.version,
      });
    }
  }
}

/** Nexus and ChartMuseum contents of a world. */
export function seedArtifacts(ctx: EngineContext): {
  nexus: NexusState;
  charts: ChartMuseumState;
} {
  const nexus = new NexusState();
  const charts = new ChartMuseumState();
  for (const service of ctx.world.services) {
    const { owner, name } = service.codeRepo;
    for (const p of publishedVersions(service)) {
      publishRelease(ctx, nexus, charts, service, {
        ...p,
        revision: p.commit && shaOf(ctx, owner, name, p.commit),
      });
    }
  }
  return { nexus, charts };
}
