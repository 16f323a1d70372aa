import { Request, Router } from 'express';
import { ApiContext, q, Reply, route, str } from '../http/context';
import { docs, GitHubApiError, missingField, notFound } from '../http/errors';
import type { GitPerson } from '../store/gitRepo';
import { personAt, RepoRecord } from '../store/records';
import { contentEntry, contentFile } from '../serializers/contents';
import { gitCommit } from '../serializers/git';
import { requireRepo, wildcard } from './common';
import { protectedErrors, requiresPullRequest } from './protection';

function personFrom(
  body: unknown,
  field: 'author' | 'committer',
): GitPerson | undefined {
  const v =
    body && typeof body === 'object'
      ? (body as Record<string, unknown>)[field]
      : undefined;
  const name = str(v, 'name');
  const email = str(v, 'email');
  return name && email ? personAt(name, email, str(v, 'date')) : undefined;
}

async function getContent(
  ctx: ApiContext,
  req: Request,
  reply: Reply,
): Promise<void> {
  const rec = requireRepo(ctx, req, docs.contents);
  const path = wildcard(req);
  const ref = q(req, 'ref') || rec.defaultBranch;
  const refs = await rec.git.listRefs();
  if (refs.size === 0)
    throw new GitHubApiError(404, 'This repository is empty.', docs.contents);
  const sha = await rec.git.resolveCommitish(ref);
  if (!sha)
    throw new GitHubApiError(
      404,
      `No commit found for the ref ${ref}`,
      docs.contents,
    );
  const commit = (await rec.git.readCommit(sha))!;
  const entry = await rec.git.entryAt(commit.tree, path);
  if (!entry) throw notFound(docs.contents);
  const accept = req.header('accept') ?? '';
  if (entry.type === 'tree') {
    const items = [];
    for (const e of (await rec.git.readTree(entry.oid)) ?? []) {
      const size =
        e.type === 'blob'
          ? (await rec.git.readBlob(e.oid))?.byteLength ?? 0
          : 0;
      items.push(
        contentEntry(
          ctx,
          rec,
          ref,
          path ? `${path}/${e.path}` : e.path,
          e,
          size,
        ),
      );
    }
    if (accept.includes('vnd.github.object')) {
      const self = contentEntry(ctx, rec, ref, path, entry, 0);
      reply(200, { ...self, entries: items });
    } else {
      reply(200, items);
    }
    return;
  }
  const data = (await rec.git.readBlob(entry.oid)) ?? new Uint8Array();
  if (accept.includes('.raw')) {
    reply(200, Buffer.from(data).toString('utf8'), {
      contentType: 'application/vnd.github.v3.raw; charset=utf-8',
    });
    return;
  }
  reply(200, contentFile(ctx, rec, ref, path, entry, data));
}

/** Checks the blob `sha` compare-and-swap rules of the contents API. Returns whether the file existed. */
async function checkSha(
  rec: RepoRecord,
  head: string | undefined,
  path: string,
  sha: string | undefined,
  documentationUrl: string,
): Promise<boolean> {
  const commit = head ? await rec.git.readCommit(head) : undefined;
  const entry = commit ? await rec.git.entryAt(commit.tree, path) : undefined;
  if (!entry || entry.type !== 'blob') return false;
  if (!sha) throw missingField(documentationUrl, 'sha');
  if (sha !== entry.oid)
    throw new GitHubApiError(
      409,
      `${path} does not match ${sha}`,
      documentationUrl,
    );
  return true;
}

async function writeContent(
  ctx: ApiContext,
  req: Request,
  reply: Reply,
  remove: boolean,
): Promise<void> {
  const documentationUrl = remove ? docs.deleteContents : docs.putContents;
  const rec = requireRepo(ctx, req, documentationUrl);
  const path = wildcard(req);
  const message = str(req.body, 'message');
  const content = str(req.body, 'content');
  const sha = str(req.body, 'sha');
  if (!message) throw missingField(documentationUrl, 'message');
  if (!remove && content === undefined)
    throw missingField(documentationUrl, 'content');
  if (remove && !sha) throw missingField(documentationUrl, 'sha');
  const branch = str(req.body, 'branch') ?? rec.defaultBranch;
  const result = await rec.lock.run(async () => {
    const empty = (await rec.git.listRefs()).size === 0;
    const head = await rec.git.readRef(`refs/heads/${branch}`);
    if (!head && !empty)
      throw new GitHubApiError(
        404,
        `Branch ${branch} not found`,
        documentationUrl,
      );
    if (requiresPullRequest(rec, branch)) throw protectedErrors.contents();
    const existed = await checkSha(rec, head, path, sha, documentationUrl);
    if (remove && !existed) throw notFound(documentationUrl);
    const author =
      personFrom(req.body, 'author') ?? personFrom(req.body, 'committer');
    const changes = await ctx.store.fileChanges(rec, {
      [path]: remove ? null : Buffer.from(content ?? '', 'base64'),
    });
    const commitSha = await ctx.store.commitOnBranch(rec, branch, {
      message,
      changes,
      author,
      committer: personFrom(req.body, 'committer') ?? author,
    });
    return { existed, commitSha };
  });
  const commit = (await rec.git.readCommit(result.commitSha))!;
  const entry = remove ? undefined : await rec.git.entryAt(commit.tree, path);
  const size = entry ? (await rec.git.readBlob(entry.oid))?.byteLength ?? 0 : 0;
  const body = {
    content: entry ? contentEntry(ctx, rec, branch, path, entry, size) : null,
    commit: gitCommit(ctx, rec, commit),
  };
  reply(remove || result.existed ? 200 : 201, body);
}

/** Contents API: get (file/dir/raw), create-or-update, delete. */
export function contentsRouter(ctx: ApiContext): Router {
  const r = Router();
  r.get(
    ['/repos/:owner/:repo/contents', '/repos/:owner/:repo/contents/*'],
    route(ctx, (req, reply) => getContent(ctx, req, reply)),
  );
  r.put(
    '/repos/:owner/:repo/contents/*',
    route(ctx, (req, reply) => writeContent(ctx, req, reply, false)),
  );
  r.delete(
    '/repos/:owner/:repo/contents/*',
    route(ctx, (req, reply) => writeContent(ctx, req, reply, true)),
  );
  return r;
}
