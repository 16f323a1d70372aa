import express, { Express, Request, Response } from 'express';
import type { GitHubAppOptions, GitHubStore } from './types';
import type { ApiContext } from './http/context';
import {
  apiErrorHandler,
  apiMiddleware,
  notFoundHandler,
  tokenOf,
} from './http/middleware';
import { RateLimit } from './http/respond';
import { repoChangeNotifier } from './http/repoEvents';
import { GitHubStoreImpl } from './store/store';
import { usersRouter } from './routes/users';
import { appsRouter } from './routes/apps';
import { AppRegistry } from './http/appAuth';
import { reposRouter } from './routes/repos';
import { contentsRouter } from './routes/contents';
import { refsRouter } from './routes/refs';
import { tagsRouter } from './routes/tags';
import { gitObjectsRouter } from './routes/gitObjects';
import { commitsRouter } from './routes/commits';
import { pullsRouter } from './routes/pulls';
import { protectionRouter } from './routes/protection';
import { archiveRouter } from './routes/archive';
import { repoSettingsRouter, repositoriesById } from './routes/repoSettings';
import { graphqlRouter } from './graphql/endpoint';

/** `GET /raw/{owner}/{repo}/{ref}/{path}` — GitHub Enterprise's raw file URLs (`download_url`). */
async function serveRaw(
  ctx: ApiContext,
  token: string,
  req: Request,
  res: Response,
): Promise<void> {
  const rec = ctx.store.getRepo(req.params.owner, req.params.repo);
  if (
    !rec ||
    (rec.private && tokenOf(req) !== token && req.query.token !== token)
  ) {
    res.status(404).type('text/plain').send('404: Not Found');
    return;
  }
  const parts = String((req.params as Record<string, string>)[0] ?? '').split(
    '/',
  );
  for (let i = 1; i < parts.length; i++) {
    const ref = parts.slice(0, i).join('/');
    if (await rec.git.resolveCommitish(ref)) {
      const text = await ctx.store.readFile(
        rec.owner.login,
        rec.name,
        ref,
        parts.slice(i).join('/'),
      );
      if (text !== undefined) {
        res.status(200).type('text/plain; charset=utf-8').send(text);
        return;
      }
    }
  }
  res.status(404).type('text/plain').send('404: Not Found');
}

/**
 * Creates the GitHub Enterprise simulator: an express app serving the REST API under `/api/v3`,
 * the GraphQL API at `POST /api/graphql` (and `/graphql`), raw file URLs under `/raw`, and the
 * git store behind them.
 *
 * Reset: call `store.reset(seeds)` — repositories, pull requests, ids and the rate limit start
 * over, the same app keeps serving (no need to re-create it).
 * @public
 */
export async function createGitHubApp(
  options: GitHubAppOptions,
): Promise<{ app: Express; store: GitHubStore }> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const store = new GitHubStoreImpl({
    baseUrl,
    viewer: options.viewer ?? 'delivery-bot',
  });
  const rate = new RateLimit(options.rateLimit ?? 5000);
  const graphqlRate = new RateLimit(options.rateLimit ?? 5000);
  const apps = new AppRegistry(options.apps ?? [], options.now);
  store.onReset(() => {
    rate.reset();
    graphqlRate.reset();
    apps.reset();
  });
  const ctx: ApiContext = {
    store,
    rate,
    graphqlRate,
    baseUrl,
    apiUrl: `${baseUrl}/api/v3`,
    onPullMerged: options.onPullMerged,
    onRepoChanged: options.onRepoChanged,
    apps,
  };
  await store.reset(options.seeds);

  const api = express.Router();
  api.use(apiMiddleware(ctx, options.token));
  api.use(repoChangeNotifier(ctx));
  api.use(repositoriesById(ctx));
  for (const router of [
    appsRouter,
    usersRouter,
    protectionRouter,
    reposRouter,
    contentsRouter,
    refsRouter,
    tagsRouter,
    gitObjectsRouter,
    commitsRouter,
    pullsRouter,
    archiveRouter,
    repoSettingsRouter,
  ]) {
    api.use(router(ctx));
  }
  api.use(notFoundHandler);
  api.use(apiErrorHandler(ctx));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use('/api/v3', api);
  // GitHub Enterprise Server's GraphQL path, and api.github.com's
  app.use(['/api/graphql', '/graphql'], graphqlRouter(ctx, options.token));
  app.get('/raw/:owner/:repo/*', (req, res, next) => {
    serveRaw(ctx, options.token, req, res).catch(next);
  });
  return { app, store };
}
