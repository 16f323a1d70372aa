import { Router } from 'express';
import type { TreeEntry } from 'isomorphic-git';
import { ApiContext, q, route, str } from '../http/context';
import { docs, GitHubApiError, missingField, notFound } from '../http/errors';
import type { GitPerson, TreeChanges } from '../store/gitRepo';
import { personAt, RepoRecord } from '../store/records';
import { gitBlob, gitCommit, treeEntry } from '../serializers/git';
import { repoApiUrl } from '../serializers/repos';
import { requireRepo } from './common';

const MODES = new Set(['100644', '100755', '040000', '160000', '120000']);

function person(v: unknown): GitPerson | undefined {
  const name = str(v, 'name');
  const email = str(v, 'email');
  return name && email ? personAt(name, email, str(v, 'date')) : undefined;
}

async function sizeOf(
  rec: RepoRecord,
  e: TreeEntry,
): Promise<number | undefined> {
  return e.type === 'blob'
    ? (await rec.git.readBlob(e.oid))?.byteLength
    : undefined;
}

/** Tree sha for a tree sha, commit sha or ref name. */
async function resolveTree(
  rec: RepoRecord,
  id: string,
): Promise<string | undefined> {
  const type = await rec.git.objectType(id);
  if (type === 'tree') return id;
  const commitSha = type === 'commit' ? id : await rec.git.resolveCommitish(id);
  return commitSha ? (await rec.git.readCommit(commitSha))?.tree : undefined;
}

async function treeJson(
  ctx: ApiContext,
  rec: RepoRecord,
  sha: string,
  recursive: boolean,
) {
  const out: Array<ReturnType<typeof treeEntry>> = [];
  const walk = async (oid: string, prefix: string) => {
    for (const e of (await rec.git.readTree(oid)) ?? []) {
      const path = prefix ? `${prefix}/${e.path}` : e.path;
      out.push(treeEntry(ctx, rec, e, path, await sizeOf(rec, e)));
      if (recursive && e.type === 'tree') await walk(e.oid, path);
    }
  };
  await walk(sha, '');
  return {
    sha,
    url: `${repoApiUrl(ctx, rec)}/git/trees/${sha}`,
    tree: out,
    truncated: false,
  };
}

/** Blobs, trees and commits of the Git database API. */
export function gitObjectsRouter(ctx: ApiContext): Router {
  const r = Router();
  const base = '/repos/:owner/:repo/git';

  r.post(
    `${base}/blobs`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.blobs);
      const content = str(req.body, 'content');
      if (content === undefined) throw missingField(docs.blobs, 'content');
      const encoding = str(req.body, 'encoding') ?? 'utf-8';
      if (
        encoding !== 'utf-8' &&
        encoding !== 'utf8' &&
        encoding !== 'base64'
      ) {
        throw new GitHubApiError(
          422,
          `encoding must be one of utf-8, base64`,
          docs.blobs,
        );
      }
      const data = Buffer.from(
        content,
        encoding === 'base64' ? 'base64' : 'utf8',
      );
      const sha = await rec.git.writeBlob(data);
      const url = `${repoApiUrl(ctx, rec)}/git/blobs/${sha}`;
      reply(201, { sha, url }, { headers: { location: url } });
    }),
  );
  r.get(
    `${base}/blobs/:sha`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.blobs);
      const data = await rec.git.readBlob(req.params.sha);
      if (!data) throw notFound(docs.blobs);
      reply(200, gitBlob(ctx, rec, req.params.sha, data));
    }),
  );

  r.post(
    `${base}/trees`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.trees);
      const entries: unknown = (req.body as Record<string, unknown> | undefined)
        ?.tree;
      if (!Array.isArray(entries)) throw missingField(docs.trees, 'tree');
      const baseTreeId = str(req.body, 'base_tree');
      const baseTree = baseTreeId
        ? await resolveTree(rec, baseTreeId)
        : undefined;
      if (baseTreeId && !baseTree)
        throw new GitHubApiError(422, 'Invalid tree info', docs.trees);
      const changes: TreeChanges = new Map();
      for (const e of entries) {
        const path = str(e, 'path');
        const mode = str(e, 'mode') ?? '100644';
        if (!path || !MODES.has(mode))
          throw new GitHubApiError(422, 'Invalid tree info', docs.trees);
        const content = str(e, 'content');
        const sha = (e as Record<string, unknown>).sha;
        if (content !== undefined) {
          changes.set(path, {
            oid: await rec.git.writeBlob(Buffer.from(content, 'utf8')),
            mode,
          });
        } else if (sha === null) {
          changes.set(path, null);
        } else if (
          typeof sha === 'string' &&
          (await rec.git.objectType(sha)) !== undefined
        ) {
          changes.set(path, { oid: sha, mode });
        } else {
          throw new GitHubApiError(
            422,
            `tree.sha ${String(sha)} is not a valid blob`,
            docs.trees,
          );
        }
      }
      const sha = await rec.git.applyChanges(baseTree, changes);
      const body = await treeJson(ctx, rec, sha, false);
      reply(201, body, { headers: { location: body.url } });
    }),
  );
  r.get(
    `${base}/trees/:sha`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.trees);
      const sha = await resolveTree(rec, req.params.sha);
      if (!sha) throw notFound(docs.trees);
      // GitHub: "any value" of `recursive` (even 0 or false) enables recursion.
      const recursive = q(req, 'recursive') !== undefined;
      reply(200, await treeJson(ctx, rec, sha, recursive));
    }),
  );

  r.post(
    `${base}/commits`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.gitCommits);
      const message = str(req.body, 'message');
      const tree = str(req.body, 'tree');
      if (message === undefined) throw missingField(docs.gitCommits, 'message');
      if (!tree) throw missingField(docs.gitCommits, 'tree');
      if ((await rec.git.objectType(tree)) !== 'tree') {
        throw new GitHubApiError(
          422,
          'Tree SHA does not exist',
          docs.gitCommits,
        );
      }
      const parentsRaw: unknown =
        (req.body as Record<string, unknown>).parents ?? [];
      const parents = Array.isArray(parentsRaw)
        ? parentsRaw.filter((p): p is string => typeof p === 'string')
        : [];
      for (const p of parents) {
        if ((await rec.git.objectType(p)) !== 'commit') {
          throw new GitHubApiError(
            422,
            'Parent SHA does not exist or is not a commit object',
            docs.gitCommits,
          );
        }
      }
      const body = req.body as Record<string, unknown>;
      const author = person(body.author) ?? ctx.store.viewerPerson();
      const committer = person(body.committer) ?? author;
      const sha = await rec.git.writeCommit({
        tree,
        parents,
        message,
        author,
        committer,
      });
      const json = gitCommit(ctx, rec, (await rec.git.readCommit(sha))!);
      reply(201, json, { headers: { location: json.url } });
    }),
  );
  r.get(
    `${base}/commits/:sha`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.gitCommits);
      const commit = await rec.git.readCommit(req.params.sha);
      if (!commit) throw notFound(docs.gitCommits);
      reply(200, gitCommit(ctx, rec, commit));
    }),
  );
  return r;
}
