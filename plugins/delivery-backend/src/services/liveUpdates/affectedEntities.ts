import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { readDeliveryAnnotations } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../configTypes';
import { listDeliveryEntities } from '../history/collector/entityFacts';
import type { Invalidation, JobRef } from './invalidation';
import { viewCacheKeys } from './viewCacheKeys';

/** The entities a change concerns, and the artifact entries it made stale. */
export interface AffectedEntities {
  refs: string[];
  /** Image tags and chart versions of the entities a finished code run built. */
  artifactKeys: string[];
}

/**
 * The delivery entities whose view reads what `invalidation` made stale:
 * delivered to one of its environments, or built by one of its code jobs
 * (read from the catalog as the plugin); for a finished code run, also the
 * cache keys of the image and chart those entities name.
 */
export async function affectedEntities(
  invalidation: Invalidation,
  deps: {
    catalog: CatalogService;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    config: DeliveryConfig;
  },
): Promise<AffectedEntities> {
  if (!invalidation.environments.length && !invalidation.codeJobs.length)
    return { refs: [], artifactKeys: [] };
  const { config } = deps;
  const entities = await listDeliveryEntities(deps);
  const refs: string[] = [];
  const artifactKeys = new Set<string>();
  for (const e of entities) {
    const { annotations } = readDeliveryAnnotations(e.entity);
    const builtBy = (jobs: JobRef[]) =>
      jobs.some(
        j =>
          j.instance ===
            (annotations.codeJob?.instance ?? config.codeJenkins[0]?.name) &&
          j.job === annotations.codeJob?.id,
      );
    if (
      e.environments.some(n => invalidation.environments.includes(n)) ||
      builtBy(invalidation.codeJobs)
    )
      refs.push(e.entityRef);
    if (!builtBy(invalidation.finishedCodeJobs)) continue;
    const nexus = annotations.image?.instance ?? config.nexus[0]?.name;
    if (annotations.image && nexus)
      artifactKeys.add(viewCacheKeys.images(nexus, annotations.image.id));
    const museum = annotations.chart?.instance ?? config.chartMuseum[0]?.name;
    if (annotations.chart && museum)
      artifactKeys.add(viewCacheKeys.charts(museum, annotations.chart.id));
  }
  return { refs, artifactKeys: [...artifactKeys] };
}
