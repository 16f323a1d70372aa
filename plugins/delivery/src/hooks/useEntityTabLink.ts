import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * The link to an entity's Delivery tab, through the catalog's entity route;
 * in an app without the catalog plugin (the dev app), the catalog's default
 * path `/catalog/:namespace/:kind/:name/delivery`.
 */
export function useEntityTabLink(): (entityRef: string) => string {
  let entityRoute:
    | ((params: ReturnType<typeof entityRouteParams>) => string)
    | undefined;
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- always called, once, in the same order
    entityRoute = useRouteRef(entityRouteRef);
  } catch {
    entityRoute = undefined;
  }
  return (entityRef: string) => {
    const params = entityRouteParams(entityRef);
    const base = entityRoute
      ? entityRoute(params)
      : `/catalog/${params.namespace}/${params.kind}/${params.name}`;
    return `${base}/delivery`;
  };
}
