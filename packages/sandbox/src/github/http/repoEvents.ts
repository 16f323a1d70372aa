import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiContext } from './context';
import { str } from './context';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The repository a write request targets (the new one for creations). */
export function changedRepo(
  ctx: ApiContext,
  req: Request,
): { owner: string; repo: string } | undefined {
  const path = req.path;
  const newName = () => str(req.body, 'name')?.replace(/[^A-Za-z0-9_.-]/g, '-');
  let m = /^\/orgs\/([^/]+)\/repos\/?$/.exec(path);
  if (m) {
    const name = newName();
    return name ? { owner: decodeURIComponent(m[1]), repo: name } : undefined;
  }
  if (/^\/user\/repos\/?$/.test(path)) {
    const name = newName();
    return name ? { owner: ctx.store.config.viewer, repo: name } : undefined;
  }
  if (/^\/repos\/[^/]+\/[^/]+\/generate\/?$/.test(path)) {
    const name = str(req.body, 'name');
    const owner = str(req.body, 'owner') ?? ctx.store.config.viewer;
    return name ? { owner, repo: name } : undefined;
  }
  m = /^\/repos\/([^/]+)\/([^/]+)\/./.exec(path);
  if (m)
    return {
      owner: decodeURIComponent(m[1]),
      repo: decodeURIComponent(m[2]),
    };
  return undefined;
}

/**
 * Calls `ctx.onRepoChanged` after every successful (2xx) write through the API, once the
 * response is sent (like a webhook delivery that follows the push or creation).
 */
export function repoChangeNotifier(ctx: ApiContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const hook = ctx.onRepoChanged;
    if (hook && writeMethods.has(req.method)) {
      res.on('finish', () => {
        if (res.statusCode < 200 || res.statusCode >= 300) return;
        const target = changedRepo(ctx, req);
        if (target) hook(target);
      });
    }
    next();
  };
}
