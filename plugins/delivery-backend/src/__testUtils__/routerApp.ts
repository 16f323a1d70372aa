import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';

/**
 * An express app serving `router` followed by Backstage's standard error
 * middleware, as the backend's root HTTP router serves a plugin's routes:
 * `@backstage/errors` errors become their HTTP status and JSON body.
 */
export function routerApp(router: express.RequestHandler): express.Express {
  return express()
    .use(router)
    .use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.rootLogger(),
      }).error(),
    );
}
