import { GitHubWriteError } from '@gitops-delivery/backstage-plugin-delivery-node';
import type { GitHubRepo } from './githubRepo';

/** Opens a pull request, or returns the open one for the same head/base (idempotent). */
export async function openPullRequest(
  r: GitHubRepo,
  opts: { head: string; base: string; title: string; body: string },
): Promise<{ url: string; number: number; created: boolean }> {
  const find = async () => {
    const open = await r.client.openPulls(opts.base, opts.head);
    const pr = open.find(p => p.branch === opts.head);
    return pr ? { url: pr.url, number: pr.number, created: false } : undefined;
  };
  const open = await find();
  if (open) return open;
  try {
    const pr = await r.client.createPull({
      branch: opts.head,
      base: opts.base,
      title: opts.title,
      body: opts.body,
    });
    return { url: pr.url, number: pr.number, created: true };
  } catch (e) {
    if (e instanceof GitHubWriteError && e.upstreamStatus === 422) {
      const again = await find();
      if (again) return again;
    }
    throw e;
  }
}
