import { NextFunction, Request, Response, Router } from 'express';
import { ApiContext, bool, route, str } from '../http/context';
import { docs, GitHubApiError } from '../http/errors';
import { nowIso } from '../store/records';
import { fullRepo } from '../serializers/repos';
import { requireRepo } from './common';

const UPDATE_DOCS = docs.repos.replace(
  '#get-a-repository',
  '#update-a-repository',
);

/** Serves `/repositories/{id}/...` (where renamed repositories redirect) as `/repos/{owner}/{name}/...`. */
export function repositoriesById(ctx: ApiContext) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const m = /^\/repositories\/(\d+)(\/.*)?$/.exec(req.path);
    const rec = m ? ctx.store.findRepoById(Number(m[1])) : undefined;
    if (m && rec) {
      const query = req.url.includes('?')
        ? req.url.slice(req.url.indexOf('?'))
        : '';
      req.url = `/repos/${rec.owner.login}/${rec.name}${m[2] ?? ''}${query}`;
    }
    next();
  };
}

/** PATCH /repos/{o}/{r}: description, homepage, visibility, template flag, default branch, rename. */
export function repoSettingsRouter(ctx: ApiContext): Router {
  const r = Router();
  r.patch(
    '/repos/:owner/:repo',
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, UPDATE_DOCS);
      await rec.lock.run(async () => {
        const name = str(req.body, 'name');
        const defaultBranch = str(req.body, 'default_branch');
        if (
          defaultBranch !== undefined &&
          !(await rec.git.readRef(`refs/heads/${defaultBranch}`))
        ) {
          throw new GitHubApiError(422, 'Validation Failed', UPDATE_DOCS, [
            {
              resource: 'Repository',
              code: 'invalid',
              field: 'default_branch',
              message: `The branch ${defaultBranch} was not found. Please push that ref first or create it via the Git Data API.`,
            },
          ]);
        }
        if (name !== undefined && name !== rec.name) {
          if (ctx.store.getRepo(rec.owner.login, name)) {
            throw new GitHubApiError(
              422,
              'Repository creation failed.',
              UPDATE_DOCS,
              [
                {
                  resource: 'Repository',
                  code: 'custom',
                  field: 'name',
                  message: 'name already exists on this account',
                },
              ],
            );
          }
          ctx.store.renameRepo(rec, name);
        }
        if (defaultBranch !== undefined) rec.defaultBranch = defaultBranch;
        const description = str(req.body, 'description');
        if (description !== undefined) rec.description = description;
        const homepage = str(req.body, 'homepage');
        if (homepage !== undefined) rec.homepage = homepage;
        const visibility = str(req.body, 'visibility');
        const isPrivate =
          bool(req.body, 'private') ??
          (visibility ? visibility !== 'public' : undefined);
        if (isPrivate !== undefined) rec.private = isPrivate;
        const isTemplate = bool(req.body, 'is_template');
        if (isTemplate !== undefined) rec.isTemplate = isTemplate;
        rec.updatedAt = nowIso();
      });
      reply(200, fullRepo(ctx, rec));
    }),
  );
  return r;
}
