import express, {
  ErrorRequestHandler,
  NextFunction,
  Request,
  Response,
  Router,
} from 'express';
import type { ApiContext } from './context';
import { docs, GitHubApiError, GitHubRedirect } from './errors';
import { baseHeaders, send } from './respond';
import { authorize, Principal } from './appAuth';

/** The token from `Authorization: token X`, `Bearer X` or Basic (token as password). */
export function tokenOf(req: Request): string | undefined {
  const header = req.header('authorization');
  if (!header) return undefined;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  const s = scheme.toLowerCase();
  if (s === 'token' || s === 'bearer') return value;
  if (s === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return '';
}

/**
 * Who a given token authenticates as: the static token (the viewer), a GitHub App (a JWT,
 * verified) or an installation token that is still valid. Throws GitHub's 401 answers.
 */
export function principalFor(
  ctx: ApiContext,
  token: string,
  given: string,
): Principal {
  if (given === token) return { kind: 'token' };
  if (given.split('.').length === 3) {
    return { kind: 'app', app: ctx.apps.verifyJwt(given) };
  }
  const p = ctx.apps.resolveToken(given);
  if (!p) throw new GitHubApiError(401, 'Bad credentials', docs.auth);
  return p;
}

/** Common headers, JSON body parsing, authentication and the primary rate limit. */
export function apiMiddleware(ctx: ApiContext, token: string): Router {
  const r = Router();
  r.use((_req, res, next) => {
    baseHeaders(res);
    next();
  });
  r.use(express.json({ limit: '100mb', type: () => true }));
  r.use((req: Request, res: Response, next: NextFunction) => {
    const given = tokenOf(req);
    if (given === undefined) {
      next(new GitHubApiError(401, 'Requires authentication', docs.auth));
      return;
    }
    let principal: Principal;
    try {
      principal = principalFor(ctx, token, given);
      authorize(principal, req);
    } catch (e) {
      next(e);
      return;
    }
    res.locals.principal = principal;
    if (ctx.rate.remaining === 0) {
      const viewer = ctx.store.account(ctx.store.config.viewer, 'User');
      const err = new GitHubApiError(
        403,
        `API rate limit exceeded for user ID ${viewer.id}.`,
        docs.rateLimit,
      );
      res.set(ctx.rate.headers()).status(403).json(err.body());
      return;
    }
    next();
  });
  return r;
}

/** 404 for unknown API paths (mount after every route). */
export function notFoundHandler(
  _req: Request,
  _res: Response,
  next: NextFunction,
): void {
  next(new GitHubApiError(404, 'Not Found', docs.root));
}

/** GitHub-shaped bodies for every error (an express error handler: mount it directly). */
export function apiErrorHandler(ctx: ApiContext): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof GitHubRedirect) res.set('location', err.location);
    let e: GitHubApiError;
    if (err instanceof GitHubApiError) e = err;
    else if ((err as { type?: string }).type === 'entity.parse.failed') {
      e = new GitHubApiError(400, 'Problems parsing JSON', docs.root);
    } else if ((err as { type?: string }).type === 'entity.too.large') {
      e = new GitHubApiError(413, 'Payload Too Large', docs.root);
    } else {
      e = new GitHubApiError(
        500,
        err instanceof Error ? err.message : 'Server Error',
        docs.root,
      );
    }
    send(req, res, ctx.rate, e.status, e.body());
  };
}
