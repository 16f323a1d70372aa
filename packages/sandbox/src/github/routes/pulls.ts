import { Request, Router } from 'express';
import {
  actorLogin,
  ApiContext,
  bool,
  paginate,
  q,
  route,
  str,
} from '../http/context';
import {
  docs,
  GitHubApiError,
  notFound,
  validationFailed,
} from '../http/errors';
import {
  commitsBetween,
  headBranch,
  mergePull,
  MergeRefused,
  openPull,
  pullShas,
  PullValidationError,
} from '../store/pulls';
import type { PullRecord, RepoRecord } from '../store/records';
import { nowIso } from '../store/records';
import { diffTrees, FileDiff, gitDiffText } from '../store/treeDiff';
import { diffEntry, restCommit } from '../serializers/commits';
import { pullJson } from '../serializers/pulls';
import { repoApiUrl } from '../serializers/repos';
import { requireRepo } from './common';

function requirePull(
  rec: RepoRecord,
  req: Request,
  documentationUrl = docs.getPull,
): PullRecord {
  const pull = rec.pulls.find(p => String(p.number) === req.params.number);
  if (!pull) throw notFound(documentationUrl);
  return pull;
}

/** The pull request's diff: merge base -> head, as GitHub shows it. */
async function pullFiles(
  rec: RepoRecord,
  pull: PullRecord,
): Promise<FileDiff[]> {
  const { head, base } = await pullShas(rec, pull);
  const mb = await rec.git.mergeBase(base, head);
  const tree = async (sha?: string) =>
    sha ? (await rec.git.readCommit(sha))?.tree : undefined;
  return diffTrees(rec.git, await tree(mb), await tree(head));
}

/** How `GET .../pulls` (and GraphQL's `pullRequests`) orders pull requests. */
export interface PullOrder {
  sort: 'created' | 'updated' | string;
  direction: 'asc' | 'desc' | string;
}

/** Sorts pull requests by creation (or update) time, the number breaking ties, as GitHub lists them. */
export function sortPulls(pulls: PullRecord[], order: PullOrder): PullRecord[] {
  const key = (p: PullRecord) =>
    (order.sort === 'updated' ? p.updatedAt : p.createdAt) +
    String(p.number).padStart(9, '0');
  return [...pulls].sort(
    (a, b) =>
      (order.direction === 'asc' ? 1 : -1) * key(a).localeCompare(key(b)),
  );
}

function listFilter(rec: RepoRecord, req: Request): PullRecord[] {
  const state = q(req, 'state') ?? 'open';
  const head = q(req, 'head');
  const baseRef = q(req, 'base');
  // Like GitHub, a `head` without the `owner:` prefix is silently ignored (a classic client bug).
  const headRef = head?.includes(':')
    ? headBranch(rec, head) ?? '\u0000'
    : undefined;
  const sort = q(req, 'sort') ?? 'created';
  const direction =
    q(req, 'direction') ?? (sort === 'long-running' ? 'asc' : 'desc');
  return sortPulls(
    rec.pulls
      .filter(p => state === 'all' || p.state === state)
      .filter(p => !headRef || p.headRef === headRef)
      .filter(p => !baseRef || p.baseRef === baseRef),
    { sort, direction },
  );
}

/** Pull requests: list, create, get, files, commits, update (close/reopen), merge. */
export function pullsRouter(ctx: ApiContext): Router {
  const r = Router();
  const base = '/repos/:owner/:repo/pulls';

  r.get(
    base,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.pulls);
      const page = paginate(ctx, req, listFilter(rec, req));
      const items = [];
      for (const p of page.items)
        items.push(await pullJson(ctx, rec, p, false));
      reply(200, items, { headers: page.headers });
    }),
  );
  r.post(
    base,
    route(ctx, async (req, reply, res) => {
      const rec = requireRepo(ctx, req, docs.pulls);
      const user = actorLogin(ctx, res);
      const pull = await rec.lock.run(async () => {
        try {
          return await openPull(ctx.store, rec, {
            head: str(req.body, 'head') ?? '',
            base: str(req.body, 'base') ?? '',
            title: str(req.body, 'title'),
            body: str(req.body, 'body') ?? null,
            draft: bool(req.body, 'draft'),
            user,
          });
        } catch (e) {
          if (e instanceof PullValidationError)
            throw validationFailed(docs.pulls, e.errors);
          throw e;
        }
      });
      const location = `${repoApiUrl(ctx, rec)}/pulls/${pull.number}`;
      reply(201, await pullJson(ctx, rec, pull, true), {
        headers: { location },
      });
    }),
  );
  r.get(
    `${base}/:number`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.getPull);
      const pull = requirePull(rec, req);
      if ((req.header('accept') ?? '').includes('.diff')) {
        reply(200, gitDiffText(await pullFiles(rec, pull)), {
          contentType: 'application/vnd.github.v3.diff; charset=utf-8',
        });
        return;
      }
      reply(200, await pullJson(ctx, rec, pull, true));
    }),
  );
  r.get(
    `${base}/:number/files`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.getPull);
      const pull = requirePull(rec, req);
      const { head } = await pullShas(rec, pull);
      const files = await pullFiles(rec, pull);
      const page = paginate(ctx, req, files);
      reply(
        200,
        page.items.map(f => diffEntry(ctx, rec, head, f)),
        { headers: page.headers },
      );
    }),
  );
  r.get(
    `${base}/:number/commits`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.getPull);
      const { head, base: baseSha } = await pullShas(
        rec,
        requirePull(rec, req),
      );
      const page = paginate(
        ctx,
        req,
        (await commitsBetween(rec, baseSha, head)).reverse(),
      );
      reply(
        200,
        page.items.map(c => restCommit(ctx, rec, c)),
        { headers: page.headers },
      );
    }),
  );
  r.patch(
    `${base}/:number`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.getPull);
      const pull = requirePull(rec, req);
      await rec.lock.run(async () => {
        const title = str(req.body, 'title');
        const body = str(req.body, 'body');
        const state = str(req.body, 'state');
        const baseRef = str(req.body, 'base');
        if (title !== undefined) pull.title = title;
        if (body !== undefined) pull.body = body;
        if (baseRef !== undefined && pull.state === 'open') {
          if (!(await rec.git.readRef(`refs/heads/${baseRef}`))) {
            throw validationFailed(docs.getPull, [
              { resource: 'PullRequest', field: 'base', code: 'invalid' },
            ]);
          }
          pull.baseRef = baseRef;
        }
        if (state === 'closed' && pull.state === 'open') {
          const { head, base: b } = await pullShas(rec, pull);
          Object.assign(pull, {
            state: 'closed',
            closedAt: nowIso(),
            frozenHeadSha: head,
            frozenBaseSha: b,
          });
        } else if (
          state === 'open' &&
          pull.state === 'closed' &&
          !pull.mergedAt
        ) {
          Object.assign(pull, {
            state: 'open',
            closedAt: null,
            frozenHeadSha: undefined,
            frozenBaseSha: undefined,
          });
        }
        pull.updatedAt = nowIso();
      });
      reply(200, await pullJson(ctx, rec, pull, true));
    }),
  );
  r.get(
    `${base}/:number/merge`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.mergePull);
      if (!requirePull(rec, req, docs.mergePull).mergedAt)
        throw notFound(docs.mergePull);
      reply(204, undefined);
    }),
  );
  r.put(
    `${base}/:number/merge`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.mergePull);
      const pull = requirePull(rec, req, docs.mergePull);
      const method = str(req.body, 'merge_method') ?? 'merge';
      if (method !== 'merge' && method !== 'squash' && method !== 'rebase') {
        throw validationFailed(docs.mergePull, [
          { resource: 'PullRequest', field: 'merge_method', code: 'invalid' },
        ]);
      }
      const mergedBy = ctx.store.config.viewer;
      const sha = await rec.lock.run(async () => {
        try {
          return await mergePull(ctx.store, rec, pull, {
            method,
            sha: str(req.body, 'sha'),
            title: str(req.body, 'commit_title'),
            message: str(req.body, 'commit_message'),
            mergedBy,
          });
        } catch (e) {
          if (e instanceof MergeRefused)
            throw new GitHubApiError(e.status, e.message, docs.mergePull);
          throw e;
        }
      });
      try {
        ctx.onPullMerged?.({
          owner: rec.owner.login,
          repo: rec.name,
          number: pull.number,
          base: pull.baseRef,
          mergeCommitSha: sha,
          mergedBy,
        });
      } catch {
        // A failing listener must not turn a completed merge into an error response.
      }
      reply(200, {
        sha,
        merged: true,
        message: 'Pull Request successfully merged',
      });
    }),
  );
  return r;
}
