import { Router } from 'express';
import { ApiContext, route } from '../http/context';
import { docs, notFound } from '../http/errors';
import { fullUser, organization } from '../serializers/users';

/** GET /user, /users/{user}, /orgs/{org}. */
export function usersRouter(ctx: ApiContext): Router {
  const r = Router();
  r.get(
    '/user',
    route(ctx, async (_req, reply) => {
      reply(
        200,
        fullUser(ctx, ctx.store.account(ctx.store.config.viewer, 'User')),
      );
    }),
  );
  r.get(
    '/users/:user',
    route(ctx, async (req, reply) => {
      const acc = ctx.store.findAccount(req.params.user);
      if (!acc) throw notFound(docs.users);
      reply(200, fullUser(ctx, acc));
    }),
  );
  r.get(
    '/orgs/:org',
    route(ctx, async (req, reply) => {
      const acc = ctx.store.findAccount(req.params.org);
      if (!acc || acc.type !== 'Organization') throw notFound(docs.orgs);
      reply(200, organization(ctx, acc));
    }),
  );
  r.get(
    '/rate_limit',
    route(ctx, async (_req, reply) => {
      const bucket = (rate: typeof ctx.rate) => {
        const h = rate.headers();
        return {
          limit: Number(h['x-ratelimit-limit']),
          used: Number(h['x-ratelimit-used']),
          remaining: Number(h['x-ratelimit-remaining']),
          reset: Number(h['x-ratelimit-reset']),
        };
      };
      const core = bucket(ctx.rate);
      reply(
        200,
        { resources: { core, graphql: bucket(ctx.graphqlRate) }, rate: core },
        { free: true },
      );
    }),
  );
  return r;
}
