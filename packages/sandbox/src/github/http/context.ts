import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { GitHubStoreImpl } from '../store/store';
import type { PullMergedEvent, RepoChangedEvent } from '../types';
import { RateLimit, send, SendOptions } from './respond';
import type { AppRegistry, Principal } from './appAuth';
import { botLogin } from './appAuth';

/** Everything a route needs. */
export interface ApiContext {
  store: GitHubStoreImpl;
  rate: RateLimit;
  /** The GraphQL API's own bucket (`x-ratelimit-resource: graphql`), charged by query cost. */
  graphqlRate: RateLimit;
  /** e.g. http://127.0.0.1:7105 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:7105/api/v3 */
  apiUrl: string;
  onPullMerged?: (e: PullMergedEvent) => void;
  onRepoChanged?: (e: RepoChangedEvent) => void;
  /** GitHub Apps and their installation tokens. */
  apps: AppRegistry;
}

/** Who the request authenticated as (set by the auth middleware). */
export function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? { kind: 'token' };
}

/** The login a write is attributed to: the token's user, or `<app-slug>[bot]`. */
export function actorLogin(ctx: ApiContext, res: Response): string {
  const p = principalOf(res);
  if (p.kind === 'token') return ctx.store.config.viewer;
  const login = botLogin(p.app);
  ctx.store.account(login, 'Bot');
  return login;
}

export type Reply = (
  status: number,
  body: unknown,
  options?: SendOptions,
) => void;

/** Wraps an async route: errors go to the GitHub error handler. */
export function route(
  ctx: ApiContext,
  fn: (req: Request, reply: Reply, res: Response) => Promise<void>,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const reply: Reply = (status, body, options) =>
      send(req, res, ctx.rate, status, body, options);
    fn(req, reply, res).catch(next);
  };
}

/** Query parameter as a string (first value). */
export function q(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** A body field as a string, if it is one. */
export function str(body: unknown, name: string): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

export function bool(body: unknown, name: string): boolean | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'boolean' ? v : undefined;
}

/** `per_page`/`page` pagination with GitHub's `Link` header (first/prev/next/last). */
export function paginate<T>(
  ctx: ApiContext,
  req: Request,
  items: T[],
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(q(req, 'per_page')) || 30));
  const page = Math.max(1, Number(q(req, 'page')) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const url = (p: number) => {
    const u = new URL(req.originalUrl, ctx.baseUrl);
    u.searchParams.set('page', String(p));
    if (!u.searchParams.has('per_page') && q(req, 'per_page')) {
      u.searchParams.set('per_page', String(perPage));
    }
    return `<${u.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${url(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last)
    links.push(`${url(page + 1)}; rel="next"`, `${url(last)}; rel="last"`);
  if (page > 1) links.push(`${url(1)}; rel="first"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
