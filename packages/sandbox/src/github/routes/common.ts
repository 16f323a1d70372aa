import type { Request } from 'express';
import type { ApiContext } from '../http/context';
import { docs, notFound } from '../http/errors';
import type { RepoRecord } from '../store/records';

/** The repository named by `:owner/:repo`, or GitHub's 404. */
export function requireRepo(
  ctx: ApiContext,
  req: Request,
  documentationUrl = docs.repos,
): RepoRecord {
  const rec = ctx.store.getRepo(req.params.owner, req.params.repo);
  if (!rec) throw notFound(documentationUrl);
  return rec;
}

/** The wildcard part of a route (`/git/ref/*`, `/contents/*`), without surrounding slashes. */
export function wildcard(req: Request): string {
  const v = (req.params as Record<string, string | undefined>)[0] ?? '';
  return v.replace(/^\/+|\/+$/g, '');
}
