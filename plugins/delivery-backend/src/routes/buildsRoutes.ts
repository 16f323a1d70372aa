import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DeliveryViewService } from '../services/view';
import { MAX_BUILDS_PAGE } from '../services/view/buildsPage';
import { parseInput, type ReadableEntity } from './guards';

const pageQuery = z
  .object({
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_BUILDS_PAGE).default(50),
  })
  .strict();

/** Dependencies of {@link createBuildsRouter}. */
export interface BuildsRouterOptions {
  view: Pick<DeliveryViewService, 'getBuildsPage'>;
  /** The read-only routes' prologue (credentials, parameters, entity, claims). */
  readEntity: (req: express.Request) => Promise<ReadableEntity>;
}

/**
 * `GET /entities/:namespace/:kind/:name/builds?offset=&limit=`: a page of the
 * entity's code-job builds (read from the catalog as the caller), newest
 * first, joined to commits and versions as in the view; older pages reach
 * every run Jenkins keeps, one Jenkins request per page.
 */
export async function createBuildsRouter(
  options: BuildsRouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.get('/entities/:namespace/:kind/:name/builds', async (req, res) => {
    const page = parseInput(pageQuery, req.query, 'query');
    const { readable } = await options.readEntity(req);
    res.json(await options.view.getBuildsPage(readable, page));
  });
  return router;
}
