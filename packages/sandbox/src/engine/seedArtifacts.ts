import { ChartMuseumState, type ChartRecord } from '../chartmuseum';
import { NexusState } from '../nexus';
import { publishedVersions, type WorldService } from '../world';
import type { EngineContext } from './context';

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

/** Nexus and ChartMuseum contents of a world. */
export function seedArtifacts(ctx: EngineContext): {
  nexus: NexusState;
  charts: ChartMuseumState;
} {
  const nexus = new NexusState();
  const charts = new ChartMuseumState();
  for (const service of ctx.world.services) {
    for (const p of publishedVersions(service)) {
      if (p.image) {
        nexus.push({
          repository: ctx.nexusRepository,
          name: service.image,
          version: p.version,
          created: p.created,
          uploader: 'jenkins',
          fileSize: imageSize(p.version),
        });
      }
      if (p.chart) charts.add(chartRecord(service, p.version, p.created));
    }
  }
  return { nexus, charts };
}
