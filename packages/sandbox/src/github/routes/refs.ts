import { Router } from 'express';
import { ApiContext, bool, route, str } from '../http/context';
import { docs, GitHubApiError, missingField, notFound } from '../http/errors';
import { nowIso, RepoRecord } from '../store/records';
import { adoptFirstBranch } from '../store/commitInfo';
import { gitRef } from '../serializers/git';
import { requireRepo, wildcard } from './common';
import { protectedErrors, requiresPullRequest } from './protection';

function checkProtection(rec: RepoRecord, ref: string): void {
  if (
    ref.startsWith('refs/heads/') &&
    requiresPullRequest(rec, ref.slice('refs/heads/'.length))
  ) {
    throw protectedErrors.ref(ref);
  }
}

function validRefName(ref: string): boolean {
  return (
    /^refs\/[^/]+\/.+/.test(ref) &&
    !/(\.\.|[\s~^:?*[\\]|@\{|\/\/|\/$|\.lock$|\/\.)/.test(ref)
  );
}

async function refJson(
  ctx: ApiContext,
  rec: RepoRecord,
  ref: string,
  sha: string,
) {
  const type = (await rec.git.objectType(sha)) ?? 'commit';
  return gitRef(ctx, rec, ref, sha, type);
}

async function matching(ctx: ApiContext, rec: RepoRecord, prefix: string) {
  const out = [];
  for (const [ref, sha] of [...(await rec.git.listRefs())].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (ref.startsWith(prefix)) out.push(await refJson(ctx, rec, ref, sha));
  }
  return out;
}

/** Closes open pull requests whose head branch was deleted (GitHub does the same). */
function closePullsFor(rec: RepoRecord, branch: string, sha: string): void {
  for (const p of rec.pulls) {
    if (p.state === 'open' && p.headRef === branch) {
      Object.assign(p, {
        state: 'closed',
        closedAt: nowIso(),
        updatedAt: nowIso(),
        frozenHeadSha: sha,
      });
    }
  }
}

/** Git references: get, matching, list (legacy), create, update, delete. */
export function refsRouter(ctx: ApiContext): Router {
  const r = Router();
  const base = '/repos/:owner/:repo/git';

  r.get(
    `${base}/ref/*`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.refs);
      const ref = `refs/${wildcard(req)}`;
      const sha = await rec.git.readRef(ref);
      if (!sha) throw notFound(docs.refs);
      reply(200, await refJson(ctx, rec, ref, sha));
    }),
  );
  r.get(
    [`${base}/matching-refs`, `${base}/matching-refs/*`],
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.refs);
      const prefix = wildcard(req);
      reply(200, await matching(ctx, rec, prefix ? `refs/${prefix}` : 'refs/'));
    }),
  );
  r.get(
    [`${base}/refs`, `${base}/refs/*`],
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.refs);
      const name = wildcard(req);
      const ref = name ? `refs/${name}` : 'refs/';
      const exact = name ? await rec.git.readRef(ref) : undefined;
      if (exact) {
        reply(200, await refJson(ctx, rec, ref, exact));
        return;
      }
      const list = await matching(ctx, rec, name ? `${ref}/` : ref);
      if (list.length === 0) throw notFound(docs.refs);
      reply(200, list);
    }),
  );

  r.post(
    `${base}/refs`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.createRef);
      const ref = str(req.body, 'ref');
      const sha = str(req.body, 'sha');
      if (!ref) throw missingField(docs.createRef, 'ref');
      if (!sha) throw missingField(docs.createRef, 'sha');
      if (!validRefName(ref)) {
        throw new GitHubApiError(
          422,
          `${ref} is not a valid ref name.`,
          docs.createRef,
        );
      }
      const body = await rec.lock.run(async () => {
        if (!(await rec.git.objectType(sha))) {
          throw new GitHubApiError(
            422,
            'Object does not exist',
            docs.createRef,
          );
        }
        if (await rec.git.readRef(ref)) {
          throw new GitHubApiError(
            422,
            'Reference already exists',
            docs.createRef,
          );
        }
        const existing = [...(await rec.git.listRefs()).keys()];
        if (
          existing.some(
            name => name.startsWith(`${ref}/`) || ref.startsWith(`${name}/`),
          )
        ) {
          // git cannot store both refs/heads/a and refs/heads/a/b (directory/file conflict)
          throw new GitHubApiError(
            422,
            'Reference update failed',
            docs.createRef,
          );
        }
        await adoptFirstBranch(rec, ref);
        await rec.git.writeRef(ref, sha);
        return refJson(ctx, rec, ref, sha);
      });
      reply(201, body, { headers: { location: body.url } });
    }),
  );
  r.patch(
    `${base}/refs/*`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.updateRef);
      const ref = `refs/${wildcard(req)}`;
      const sha = str(req.body, 'sha');
      if (!sha) throw missingField(docs.updateRef, 'sha');
      const body = await rec.lock.run(async () => {
        const current = await rec.git.readRef(ref);
        if (!current)
          throw new GitHubApiError(
            422,
            'Reference does not exist',
            docs.updateRef,
          );
        if (!(await rec.git.objectType(sha))) {
          throw new GitHubApiError(
            422,
            'Object does not exist',
            docs.updateRef,
          );
        }
        checkProtection(rec, ref);
        const force = bool(req.body, 'force') ?? false;
        if (!force && !(await rec.git.isAncestor(current, sha))) {
          throw new GitHubApiError(
            422,
            'Update is not a fast forward',
            docs.updateRef,
          );
        }
        await rec.git.writeRef(ref, sha);
        if (ref.startsWith('refs/heads/')) ctx.store.touch(rec);
        return refJson(ctx, rec, ref, sha);
      });
      reply(200, body);
    }),
  );
  r.delete(
    `${base}/refs/*`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.deleteRef);
      const ref = `refs/${wildcard(req)}`;
      await rec.lock.run(async () => {
        const current = await rec.git.readRef(ref);
        if (!current)
          throw new GitHubApiError(
            422,
            'Reference does not exist',
            docs.deleteRef,
          );
        checkProtection(rec, ref);
        await rec.git.deleteRef(ref);
        if (ref.startsWith('refs/heads/'))
          closePullsFor(rec, ref.slice('refs/heads/'.length), current);
      });
      reply(204, undefined);
    }),
  );
  return r;
}
