import { Router } from 'express';
import { ApiContext, paginate, route } from '../http/context';
import { docs, notFound } from '../http/errors';
import { gitTag, repoTag } from '../serializers/git';
import { requireRepo } from './common';

const byVersionDesc = new Intl.Collator('en', { numeric: true });

/**
 * `GET /repos/{o}/{r}/tags` (newest version first, annotated tags peeled to their commit,
 * `per_page`/`page` + `Link`) and `GET /repos/{o}/{r}/git/tags/{sha}` (annotated tag objects).
 */
export function tagsRouter(ctx: ApiContext): Router {
  const r = Router();
  r.get(
    '/repos/:owner/:repo/tags',
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.tags);
      const tags: Array<{ name: string; sha: string }> = [];
      for (const [ref, sha] of await rec.git.listRefs()) {
        if (ref.startsWith('refs/tags/'))
          tags.push({ name: ref.slice('refs/tags/'.length), sha });
      }
      tags.sort((a, b) => byVersionDesc.compare(b.name, a.name));
      const page = paginate(ctx, req, tags);
      const items = [];
      for (const t of page.items)
        items.push(repoTag(ctx, rec, t.name, await rec.git.peel(t.sha)));
      reply(200, items, { headers: page.headers });
    }),
  );
  r.get(
    '/repos/:owner/:repo/git/tags/:sha',
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.gitTags);
      const tag = await rec.git.readTag(req.params.sha);
      if (!tag) throw notFound(docs.gitTags);
      reply(200, gitTag(ctx, rec, tag));
    }),
  );
  return r;
}
