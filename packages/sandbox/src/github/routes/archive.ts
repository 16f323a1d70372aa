import { Router } from 'express';
import { ApiContext, route } from '../http/context';
import { docs, GitHubApiError } from '../http/errors';
import { ArchiveFile, tarball } from '../store/tarball';
import { requireRepo, wildcard } from './common';

/** `GET /repos/{o}/{r}/tarball/{ref}` (served directly instead of a redirect to codeload). */
export function archiveRouter(ctx: ApiContext): Router {
  const r = Router();
  r.get(
    ['/repos/:owner/:repo/tarball', '/repos/:owner/:repo/tarball/*'],
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.contents);
      const ref = wildcard(req) || rec.defaultBranch;
      const sha = await rec.git.resolveCommitish(ref);
      const commit = sha ? await rec.git.readCommit(sha) : undefined;
      if (!sha || !commit)
        throw new GitHubApiError(404, 'Not Found', docs.contents);
      const files: ArchiveFile[] = [];
      for (const [path, entry] of await rec.git.listFiles(commit.tree)) {
        const data = await rec.git.readBlob(entry.oid);
        if (data) files.push({ path, mode: entry.mode, data });
      }
      const root = `${rec.owner.login}-${rec.name}-${sha.slice(0, 7)}`;
      const body = tarball(root, sha, commit.committer.timestamp, files);
      reply(200, body, {
        contentType: 'application/x-gzip',
        headers: {
          'content-disposition': `attachment; filename=${root}.tar.gz`,
        },
      });
    }),
  );
  return r;
}
