import { Router } from 'express';
import type { Response } from 'express';
import { ApiContext, paginate, principalOf, route } from '../http/context';
import { coversRepo } from '../http/appAuth';
import { docs, GitHubApiError, notFound } from '../http/errors';
import type { GitHubAppInstallationSeed, GitHubAppSeed } from '../types';
import { repoCore } from '../serializers/repos';
import { nodeId, simpleUser } from '../serializers/users';

const PERMISSIONS = {
  contents: 'write',
  pull_requests: 'write',
  metadata: 'read',
  administration: 'write',
};

const APP_CREATED = '2024-01-01T00:00:00Z';

function appOf(res: Response): GitHubAppSeed {
  const p = principalOf(res);
  if (p.kind !== 'app') {
    throw new GitHubApiError(
      401,
      'A JSON web token could not be decoded',
      docs.auth,
    );
  }
  return p.app;
}

function installationJson(
  ctx: ApiContext,
  app: GitHubAppSeed,
  inst: GitHubAppInstallationSeed,
) {
  const account =
    ctx.store.findAccount(inst.account) ??
    ctx.store.account(inst.account, 'Organization');
  return {
    id: inst.id,
    account: simpleUser(ctx, account),
    repository_selection: inst.repositorySelection ?? 'all',
    access_tokens_url: `${ctx.apiUrl}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${ctx.apiUrl}/installation/repositories`,
    html_url: `${ctx.baseUrl}/organizations/${account.login}/settings/installations/${inst.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type === 'User' ? 'User' : 'Organization',
    permissions: PERMISSIONS,
    events: [],
    created_at: APP_CREATED,
    updated_at: APP_CREATED,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/**
 * The GitHub App endpoints: `GET /app`, `GET /app/installations[/{id}]`,
 * `POST /app/installations/{id}/access_tokens` (JWT), `GET
 * /repos/{o}/{r}/installation`, `GET /orgs/{org}/installation`, `GET
 * /users/{u}/installation` (JWT) and `GET /installation/repositories`
 * (installation token).
 */
export function appsRouter(ctx: ApiContext): Router {
  const r = Router();
  r.get(
    '/app',
    route(ctx, async (_req, reply, res) => {
      const app = appOf(res);
      const ownerLogin =
        app.owner ?? app.installations[0]?.account ?? ctx.store.config.viewer;
      const owner =
        ctx.store.findAccount(ownerLogin) ??
        ctx.store.account(ownerLogin, 'Organization');
      reply(200, {
        id: app.id,
        slug: app.slug,
        client_id: app.clientId ?? `Iv1.${String(app.id).padStart(16, '0')}`,
        node_id: nodeId('03:Integration', app.id),
        owner: simpleUser(ctx, owner),
        name: app.name ?? app.slug,
        description: '',
        external_url: ctx.baseUrl,
        html_url: `${ctx.baseUrl}/apps/${app.slug}`,
        created_at: APP_CREATED,
        updated_at: APP_CREATED,
        permissions: PERMISSIONS,
        events: [],
        installations_count: app.installations.length,
      });
    }),
  );
  r.get(
    '/app/installations',
    route(ctx, async (req, reply, res) => {
      const app = appOf(res);
      const page = paginate(
        ctx,
        req,
        app.installations.map(i => installationJson(ctx, app, i)),
      );
      reply(200, page.items, { headers: page.headers });
    }),
  );
  r.get(
    '/app/installations/:id',
    route(ctx, async (req, reply, res) => {
      const app = appOf(res);
      const inst = app.installations.find(i => i.id === Number(req.params.id));
      if (!inst) throw notFound(docs.root);
      reply(200, installationJson(ctx, app, inst));
    }),
  );
  r.post(
    '/app/installations/:id/access_tokens',
    route(ctx, async (req, reply, res) => {
      const app = appOf(res);
      const inst = app.installations.find(i => i.id === Number(req.params.id));
      if (!inst) throw notFound(docs.root);
      const body = (req.body ?? {}) as { repositories?: unknown };
      const narrowed = Array.isArray(body.repositories)
        ? body.repositories.map(String)
        : undefined;
      const { token, expiresAt } = ctx.apps.issue(app, inst, narrowed);
      const repos = [...ctx.store.repos.values()].filter(rec =>
        coversRepo(
          {
            kind: 'installation',
            app,
            installation: inst,
            repositories: narrowed,
          },
          rec.owner.login,
          rec.name,
        ),
      );
      reply(201, {
        token,
        expires_at: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions: PERMISSIONS,
        repository_selection: narrowed
          ? 'selected'
          : inst.repositorySelection ?? 'all',
        ...(narrowed || inst.repositorySelection === 'selected'
          ? { repositories: repos.map(rec => repoCore(ctx, rec)) }
          : {}),
      });
    }),
  );
  const find = (
    res: Response,
    match: (app: GitHubAppSeed, i: GitHubAppInstallationSeed) => boolean,
  ) => {
    const app = appOf(res);
    const inst = app.installations.find(i => match(app, i));
    if (!inst) throw notFound(docs.root);
    return installationJson(ctx, app, inst);
  };
  r.get(
    '/repos/:owner/:repo/installation',
    route(ctx, async (req, reply, res) => {
      const { owner, repo } = req.params;
      reply(
        200,
        find(res, (app, i) =>
          coversRepo(
            { kind: 'installation', app, installation: i },
            owner,
            repo,
          ),
        ),
      );
    }),
  );
  for (const path of [
    '/orgs/:account/installation',
    '/users/:account/installation',
  ]) {
    r.get(
      path,
      route(ctx, async (req, reply, res) => {
        const login = req.params.account.toLowerCase();
        reply(
          200,
          find(res, (_app, i) => i.account.toLowerCase() === login),
        );
      }),
    );
  }
  r.get(
    '/installation/repositories',
    route(ctx, async (req, reply, res) => {
      const p = principalOf(res);
      if (p.kind !== 'installation') {
        throw new GitHubApiError(
          403,
          'Resource not accessible by integration',
          docs.root,
        );
      }
      const repos = [...ctx.store.repos.values()]
        .filter(rec => coversRepo(p, rec.owner.login, rec.name))
        .map(rec => repoCore(ctx, rec));
      const page = paginate(ctx, req, repos);
      reply(
        200,
        {
          total_count: repos.length,
          repository_selection: p.installation.repositorySelection ?? 'all',
          repositories: page.items,
        },
        { headers: page.headers },
      );
    }),
  );
  return r;
}
