import type { Request } from 'express';
import type { ApiContext } from '../http/context';
import { docs, GitHubRedirect, notFound } from '../http/errors';
import type { RepoRecord } from '../store/records';

/** The repository named by `:owner/:repo`, or GitHub's 404. */
export function requireRepo(
  ctx: ApiContext,
  req: Request,
  documentationUrl = docs.repos,
): RepoRecord {
  const rec = ctx.store.getRepo(req.params.owner, req.params.repo);
  if (rec) return rec;
  const moved = ctx.store.renamedTo(req.params.owner, req.params.repo);
  if (!moved) throw notFound(documentationUrl);
  const prefix = `/repos/${req.params.owner}/${req.params.repo}`;
  const rest = req.path.slice(prefix.length);
  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
    : '';
  const status = req.method === 'GET' || req.method === 'HEAD' ? 301 : 307;
  throw new GitHubRedirect(
    status,
    `${ctx.apiUrl}/repositories/${moved.id}${rest}${query}`,
    documentationUrl,
  );
}

/** The wildcard part of a route (`/git/ref/*`, `/contents/*`), without surrounding slashes. */
export function wildcard(req: Request): string {
  const v = (req.params as Record<string, string | undefined>)[0] ?? '';
  return v.replace(/^\/+|\/+$/g, '');
}
