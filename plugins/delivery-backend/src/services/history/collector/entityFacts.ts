import type { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CHART,
  ANNOTATION_RELEASE,
  readDeliveryAnnotations,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig, EnvironmentConfig } from '../../../configTypes';

/** What the collector needs of a catalog entity. */
export interface CollectedEntity {
  entity: Entity;
  entityRef: string;
  title: string;
  /** Owner entity refs (notification recipients). */
  owners: string[];
  system?: string;
  release?: string;
  /** The configured environments this entity is delivered to. */
  environments: string[];
}

function ref(
  value: unknown,
  defaultKind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
    );
  } catch {
    return undefined;
  }
}

/** Reads title, owners, system, release and environments of an entity. */
export function entityFacts(
  entity: Entity,
  environments: readonly EnvironmentConfig[],
): CollectedEntity {
  const namespace = entity.metadata.namespace ?? 'default';
  const { annotations } = readDeliveryAnnotations(entity);
  const owners = new Set(
    (entity.relations ?? [])
      .filter(r => r.type === RELATION_OWNED_BY)
      .map(r => r.targetRef),
  );
  const specOwner = ref(entity.spec?.owner, 'group', namespace);
  if (!owners.size && specOwner) owners.add(specOwner);
  const narrowed = annotations.environments;
  return {
    entity,
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    owners: [...owners],
    system: ref(entity.spec?.system, 'system', namespace),
    release: annotations.release,
    environments: environments
      .filter(e => !narrowed || narrowed.includes(e.name))
      .map(e => e.name),
  };
}

/** Every catalog entity with delivery annotations (read as the plugin), with its facts. */
export async function listDeliveryEntities(deps: {
  catalog: CatalogService;
  auth: Pick<AuthService, 'getOwnServiceCredentials'>;
  config: Pick<DeliveryConfig, 'environments'>;
}): Promise<CollectedEntity[]> {
  const credentials = await deps.auth.getOwnServiceCredentials();
  const { items } = await deps.catalog.getEntities(
    {
      filter: [
        { [`metadata.annotations.${ANNOTATION_CHART}`]: CATALOG_FILTER_EXISTS },
        {
          [`metadata.annotations.${ANNOTATION_RELEASE}`]: CATALOG_FILTER_EXISTS,
        },
      ],
    },
    { credentials },
  );
  return items.map(e => entityFacts(e, deps.config.environments));
}
