import { Request, Router } from 'express';
import { ApiContext, bool, paginate, route, str } from '../http/context';
import { docs, GitHubApiError, notFound } from '../http/errors';
import type { Account, RepoRecord } from '../store/records';
import { StoreConflict } from '../store/store';
import { restCommit } from '../serializers/commits';
import { fullRepo, repoApiUrl, repoHtmlUrl } from '../serializers/repos';
import { requireRepo, wildcard } from './common';

function creationFailed(
  documentationUrl: string,
  code: string,
  message?: string,
): GitHubApiError {
  return new GitHubApiError(
    422,
    'Repository creation failed.',
    documentationUrl,
    [
      {
        resource: 'Repository',
        code,
        field: 'name',
        ...(message ? { message } : {}),
      },
    ],
  );
}

async function createFromBody(
  ctx: ApiContext,
  req: Request,
  owner: Account,
  documentationUrl: string,
) {
  const name = str(req.body, 'name');
  if (!name) throw creationFailed(documentationUrl, 'missing_field');
  const visibility = str(req.body, 'visibility');
  let rec: RepoRecord;
  try {
    rec = await ctx.store.createRepo({
      owner,
      name: name.replace(/[^A-Za-z0-9_.-]/g, '-'),
      description: str(req.body, 'description') ?? null,
      homepage: str(req.body, 'homepage') ?? null,
      private:
        bool(req.body, 'private') ??
        (visibility === 'private' || visibility === 'internal'),
      isTemplate: bool(req.body, 'is_template') ?? false,
    });
  } catch (e) {
    if (e instanceof StoreConflict) {
      throw creationFailed(
        documentationUrl,
        'custom',
        'name already exists on this account',
      );
    }
    throw e;
  }
  if (bool(req.body, 'auto_init')) {
    const readme = `# ${rec.name}\n${
      rec.description ? `${rec.description}\n` : ''
    }`;
    await rec.lock.run(async () =>
      ctx.store.commitOnBranch(rec, rec.defaultBranch, {
        message: 'Initial commit',
        changes: await ctx.store.fileChanges(rec, { 'README.md': readme }),
      }),
    );
  }
  return rec;
}

/** Copies the template's branches as single "Initial commit"s (GitHub's create-from-template). */
async function copyTemplate(
  ctx: ApiContext,
  from: RepoRecord,
  to: RepoRecord,
  allBranches: boolean,
) {
  const refs = await from.git.listRefs();
  const branches = [...refs.keys()]
    .filter(r => r.startsWith('refs/heads/'))
    .map(r => r.slice('refs/heads/'.length))
    .filter(b => allBranches || b === from.defaultBranch);
  const first = (b: string) => (b === from.defaultBranch ? 0 : 1);
  for (const branch of branches.sort((a, b) => first(a) - first(b))) {
    const commit = await from.git.readCommit(refs.get(`refs/heads/${branch}`)!);
    const files: Record<string, Uint8Array> = {};
    for (const [path, f] of await from.git.listFiles(commit!.tree)) {
      files[path] = (await from.git.readBlob(f.oid)) ?? new Uint8Array();
    }
    await to.lock.run(async () => {
      const changes = await ctx.store.fileChanges(to, files);
      if (branch !== to.defaultBranch && (await to.git.listRefs()).size > 0) {
        const tree = await to.git.applyChanges(undefined, changes);
        const author = ctx.store.viewerPerson();
        const sha = await to.git.writeCommit({
          tree,
          parents: [],
          message: 'Initial commit',
          author,
          committer: author,
        });
        await to.git.writeRef(`refs/heads/${branch}`, sha);
      } else {
        await ctx.store.commitOnBranch(to, to.defaultBranch, {
          message: 'Initial commit',
          changes,
        });
      }
    });
  }
}

async function branchJson(ctx: ApiContext, rec: RepoRecord, name: string) {
  const sha = await rec.git.readRef(`refs/heads/${name}`);
  const commit = sha ? await rec.git.readCommit(sha) : undefined;
  if (!commit) return undefined;
  const self = `${repoApiUrl(ctx, rec)}/branches/${encodeURIComponent(name)}`;
  return {
    name,
    commit: restCommit(ctx, rec, commit),
    _links: { self, html: `${repoHtmlUrl(ctx, rec)}/tree/${name}` },
    protected: rec.protection.has(name),
    protection: {
      enabled: rec.protection.has(name),
      required_status_checks: {
        enforcement_level: 'off',
        contexts: [],
        checks: [],
      },
    },
    protection_url: `${self}/protection`,
  };
}

/** Repositories: get, create (org/user/template), branches. */
export function reposRouter(ctx: ApiContext): Router {
  const r = Router();
  const created = (rec: RepoRecord) => ({
    headers: { location: repoApiUrl(ctx, rec) },
  });

  r.get(
    '/repos/:owner/:repo',
    route(ctx, async (req, reply) => {
      reply(200, fullRepo(ctx, requireRepo(ctx, req)));
    }),
  );
  r.delete(
    '/repos/:owner/:repo',
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req);
      ctx.store.repos.delete(`${rec.owner.login}/${rec.name}`.toLowerCase());
      reply(204, undefined);
    }),
  );
  r.post(
    '/orgs/:org/repos',
    route(ctx, async (req, reply) => {
      const org = ctx.store.findAccount(req.params.org);
      if (!org || org.type !== 'Organization') throw notFound(docs.createInOrg);
      const rec = await createFromBody(ctx, req, org, docs.createInOrg);
      reply(201, fullRepo(ctx, rec), created(rec));
    }),
  );
  r.post(
    '/user/repos',
    route(ctx, async (req, reply) => {
      const viewer = ctx.store.account(ctx.store.config.viewer, 'User');
      const rec = await createFromBody(ctx, req, viewer, docs.createForUser);
      reply(201, fullRepo(ctx, rec), created(rec));
    }),
  );
  r.post(
    '/repos/:owner/:repo/generate',
    route(ctx, async (req, reply) => {
      const template = requireRepo(ctx, req, docs.generate);
      const name = str(req.body, 'name');
      if (!name) throw creationFailed(docs.generate, 'missing_field');
      const ownerLogin = str(req.body, 'owner') ?? ctx.store.config.viewer;
      const owner = ctx.store.findAccount(ownerLogin);
      if (!owner) throw notFound(docs.generate);
      if (ctx.store.getRepo(owner.login, name)) {
        throw new GitHubApiError(
          422,
          'Could not clone: Name already exists on this account',
          docs.generate,
        );
      }
      const rec = await ctx.store.createRepo({
        owner,
        name,
        description: str(req.body, 'description') ?? null,
        private: bool(req.body, 'private') ?? false,
        defaultBranch: template.defaultBranch,
      });
      rec.templateRepo = template;
      await copyTemplate(
        ctx,
        template,
        rec,
        bool(req.body, 'include_all_branches') ?? false,
      );
      reply(201, fullRepo(ctx, rec), created(rec));
    }),
  );
  r.get(
    '/repos/:owner/:repo/branches',
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req);
      const names = [...(await rec.git.listRefs()).keys()]
        .filter(n => n.startsWith('refs/heads/'))
        .map(n => n.slice('refs/heads/'.length))
        .sort();
      const page = paginate(ctx, req, names);
      const items = [];
      for (const name of page.items) {
        const sha = (await rec.git.readRef(`refs/heads/${name}`))!;
        const api = repoApiUrl(ctx, rec);
        items.push({
          name,
          commit: { sha, url: `${api}/commits/${sha}` },
          protected: rec.protection.has(name),
        });
      }
      reply(200, items, { headers: page.headers });
    }),
  );
  r.get(
    ['/repos/:owner/:repo/branches/:branch', '/repos/:owner/:repo/branches/*'],
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req);
      const name = req.params.branch ?? wildcard(req);
      const body = await branchJson(ctx, rec, name);
      if (!body)
        throw new GitHubApiError(404, 'Branch not found', docs.branches);
      reply(200, body);
    }),
  );
  return r;
}
