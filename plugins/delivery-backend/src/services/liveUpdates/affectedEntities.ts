import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { readDeliveryAnnotations } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../configTypes';
import { listDeliveryEntities } from '../history/collector/entityFacts';
import type { Invalidation } from './invalidation';

/**
 * The refs of the delivery entities whose view reads what `invalidation`
 * made stale: delivered to one of its environments, or built by one of its
 * code jobs (read from the catalog as the plugin).
 */
export async function affectedEntities(
  invalidation: Invalidation,
  deps: {
    catalog: CatalogService;
    auth: Pick<AuthService, 'getOwnServiceCredentials'>;
    config: DeliveryConfig;
  },
): Promise<string[]> {
  if (!invalidation.environments.length && !invalidation.codeJobs.length)
    return [];
  const defaultCode = deps.config.codeJenkins[0]?.name;
  const entities = await listDeliveryEntities(deps);
  return entities
    .filter(e => {
      if (e.environments.some(n => invalidation.environments.includes(n)))
        return true;
      const codeJob = readDeliveryAnnotations(e.entity).annotations.codeJob;
      const instance = codeJob?.instance ?? defaultCode;
      return invalidation.codeJobs.some(
        j => j.instance === instance && j.job === codeJob?.id,
      );
    })
    .map(e => e.entityRef);
}
