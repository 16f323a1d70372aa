import { Router } from 'express';
import { ApiContext, paginate, q, route } from '../http/context';
import { docs, GitHubApiError, notFound } from '../http/errors';
import { commitsBetween, pullsForCommit } from '../store/pulls';
import { pullJson } from '../serializers/pulls';
import type { RepoRecord } from '../store/records';
import { diffTrees, gitDiffText } from '../store/treeDiff';
import { diffEntry, restCommit } from '../serializers/commits';
import { repoApiUrl, repoHtmlUrl } from '../serializers/repos';
import { requireRepo, wildcard } from './common';

async function treeOf(
  rec: RepoRecord,
  sha: string | undefined,
): Promise<string | undefined> {
  return sha ? (await rec.git.readCommit(sha))?.tree : undefined;
}

/** `owner:branch` -> `branch` (same-repository compares only). */
function stripOwner(rec: RepoRecord, ref: string): string {
  const i = ref.indexOf(':');
  return i > 0 &&
    ref.slice(0, i).toLowerCase() === rec.owner.login.toLowerCase()
    ? ref.slice(i + 1)
    : ref;
}

function compareStatus(
  identical: boolean,
  ahead: number,
  behind: number,
): string {
  if (identical) return 'identical';
  if (behind === 0) return 'ahead';
  if (ahead === 0) return 'behind';
  return 'diverged';
}

/** REST commits: list, get (with files and patches), compare, pull requests of a commit. */
export function commitsRouter(ctx: ApiContext): Router {
  const r = Router();
  const base = '/repos/:owner/:repo';

  r.get(
    `${base}/commits`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.commits);
      if ((await rec.git.listRefs()).size === 0) {
        throw new GitHubApiError(409, 'Git Repository is empty.', docs.commits);
      }
      const ref = q(req, 'sha') || rec.defaultBranch;
      const sha = await rec.git.resolveCommitish(ref);
      if (!sha)
        throw new GitHubApiError(
          404,
          `No commit found for SHA: ${ref}`,
          docs.commits,
        );
      let commits = await rec.git.log(sha, q(req, 'path'));
      const since = q(req, 'since')
        ? Date.parse(q(req, 'since')!) / 1000
        : undefined;
      const until = q(req, 'until')
        ? Date.parse(q(req, 'until')!) / 1000
        : undefined;
      const author = q(req, 'author')?.toLowerCase();
      commits = commits.filter(
        c =>
          (since === undefined || c.committer.timestamp >= since) &&
          (until === undefined || c.committer.timestamp <= until) &&
          (!author ||
            c.author.email.toLowerCase().includes(author) ||
            c.author.name.toLowerCase() === author),
      );
      const page = paginate(ctx, req, commits);
      reply(
        200,
        page.items.map(c => restCommit(ctx, rec, c)),
        { headers: page.headers },
      );
    }),
  );

  r.get(
    `${base}/commits/:sha/pulls`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.commitPulls);
      const ref = req.params.sha;
      const sha = await rec.git.resolveCommitish(ref);
      if (!sha)
        throw new GitHubApiError(
          422,
          `No commit found for SHA: ${ref}`,
          docs.commitPulls,
        );
      const page = paginate(ctx, req, await pullsForCommit(rec, sha));
      const items = [];
      for (const p of page.items)
        items.push(await pullJson(ctx, rec, p, false));
      reply(200, items, { headers: page.headers });
    }),
  );

  r.get(
    `${base}/commits/*`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.commits);
      const ref = wildcard(req);
      const sha = await rec.git.resolveCommitish(ref);
      if (!sha)
        throw new GitHubApiError(
          422,
          `No commit found for SHA: ${ref}`,
          docs.commits,
        );
      const commit = (await rec.git.readCommit(sha))!;
      const files = await diffTrees(
        rec.git,
        await treeOf(rec, commit.parents[0]),
        commit.tree,
      );
      reply(200, restCommit(ctx, rec, commit, files));
    }),
  );

  r.get(
    `${base}/compare/*`,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, docs.compare);
      const spec = wildcard(req);
      const [baseRef, headRef] = spec.includes('...')
        ? spec.split('...')
        : spec.split('..');
      if (!baseRef || !headRef) throw notFound(docs.compare);
      const baseSha = await rec.git.resolveCommitish(stripOwner(rec, baseRef));
      const headSha = await rec.git.resolveCommitish(stripOwner(rec, headRef));
      if (!baseSha || !headSha) throw notFound(docs.compare);
      const mergeBase = await rec.git.mergeBase(baseSha, headSha);
      const ahead = await commitsBetween(rec, baseSha, headSha);
      const behind = await commitsBetween(rec, headSha, baseSha);
      const status = compareStatus(
        baseSha === headSha,
        ahead.length,
        behind.length,
      );
      const files = await diffTrees(
        rec.git,
        await treeOf(rec, mergeBase),
        await treeOf(rec, headSha),
      );
      if ((req.header('accept') ?? '').includes('.diff')) {
        reply(200, gitDiffText(files), {
          contentType: 'application/vnd.github.v3.diff; charset=utf-8',
        });
        return;
      }
      const baseCommit = (await rec.git.readCommit(baseSha))!;
      const mbCommit = mergeBase
        ? await rec.git.readCommit(mergeBase)
        : undefined;
      const api = repoApiUrl(ctx, rec);
      const html = repoHtmlUrl(ctx, rec);
      reply(200, {
        url: `${api}/compare/${spec}`,
        html_url: `${html}/compare/${spec}`,
        permalink_url: `${html}/compare/${rec.owner.login}:${baseSha.slice(
          0,
          7,
        )}...${rec.owner.login}:${headSha.slice(0, 7)}`,
        diff_url: `${html}/compare/${spec}.diff`,
        patch_url: `${html}/compare/${spec}.patch`,
        base_commit: restCommit(ctx, rec, baseCommit),
        merge_base_commit: mbCommit ? restCommit(ctx, rec, mbCommit) : null,
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: ahead.reverse().map(c => restCommit(ctx, rec, c)),
        files: files.map(f => diffEntry(ctx, rec, headSha, f)),
      });
    }),
  );
  return r;
}
