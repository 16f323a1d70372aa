import { Router } from 'express';
import { ApiContext, route } from '../http/context';
import { docs, GitHubApiError } from '../http/errors';
import type { RepoRecord } from '../store/records';
import { repoApiUrl } from '../serializers/repos';
import { requireRepo } from './common';

const DOCS = docs.branches.replace(
  '#get-a-branch',
  '/branch-protection#get-branch-protection',
);

/** True when direct pushes to the branch are refused (required pull request reviews). */
export function requiresPullRequest(rec: RepoRecord, branch: string): boolean {
  const p = rec.protection.get(branch);
  return (
    !!p &&
    p.required_pull_request_reviews !== null &&
    p.required_pull_request_reviews !== undefined
  );
}

/** Errors GitHub answers for a direct write to a protected branch. */
export const protectedErrors = {
  contents: () =>
    new GitHubApiError(
      409,
      'Changes must be made through a pull request.',
      docs.putContents,
    ),
  ref: (ref: string) =>
    new GitHubApiError(
      422,
      `Protected branch update failed for ${ref}.`,
      docs.updateRef,
    ),
};

function enabled(url: string, on: boolean) {
  return { url, enabled: on };
}

function protectionJson(
  ctx: ApiContext,
  rec: RepoRecord,
  branch: string,
  p: Record<string, unknown>,
) {
  const url = `${repoApiUrl(ctx, rec)}/branches/${encodeURIComponent(
    branch,
  )}/protection`;
  const reviews = p.required_pull_request_reviews as
    | Record<string, unknown>
    | null
    | undefined;
  const checks = p.required_status_checks as
    | { strict?: boolean; contexts?: string[] }
    | null
    | undefined;
  return {
    url,
    ...(checks
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: checks.strict ?? false,
            contexts: checks.contexts ?? [],
            contexts_url: `${url}/required_status_checks/contexts`,
            checks: (checks.contexts ?? []).map(context => ({
              context,
              app_id: null,
            })),
          },
        }
      : {}),
    ...(reviews
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: !!reviews.dismiss_stale_reviews,
            require_code_owner_reviews: !!reviews.require_code_owner_reviews,
            require_last_push_approval: false,
            required_approving_review_count: Number(
              reviews.required_approving_review_count ?? 1,
            ),
          },
        }
      : {}),
    required_signatures: enabled(`${url}/required_signatures`, false),
    enforce_admins: enabled(`${url}/enforce_admins`, p.enforce_admins === true),
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
}

/** GET/PUT/DELETE /repos/{o}/{r}/branches/{b}/protection. */
export function protectionRouter(ctx: ApiContext): Router {
  const r = Router();
  const path = '/repos/:owner/:repo/branches/:branch/protection';
  r.get(
    path,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, DOCS);
      const p = rec.protection.get(req.params.branch);
      if (!p) throw new GitHubApiError(404, 'Branch not protected', DOCS);
      reply(200, protectionJson(ctx, rec, req.params.branch, p));
    }),
  );
  r.put(
    path,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, DOCS);
      if (!(await rec.git.readRef(`refs/heads/${req.params.branch}`))) {
        throw new GitHubApiError(404, 'Branch not found', DOCS);
      }
      const body = (req.body ?? {}) as Record<string, unknown>;
      rec.protection.set(req.params.branch, body);
      reply(200, protectionJson(ctx, rec, req.params.branch, body));
    }),
  );
  r.delete(
    path,
    route(ctx, async (req, reply) => {
      const rec = requireRepo(ctx, req, DOCS);
      if (!rec.protection.delete(req.params.branch))
        throw new GitHubApiError(404, 'Branch not protected', DOCS);
      reply(204, undefined);
    }),
  );
  return r;
}
