import { GitHubRepo, statusOf } from './client';

/** Opens a pull request, or returns the open one for the same head/base (idempotent). */
export async function openPullRequest(
  r: GitHubRepo,
  opts: { head: string; base: string; title: string; body: string },
): Promise<{ url: string; number: number; created: boolean }> {
  const find = async () => {
    const { data } = await r.octokit.pulls.list({
      owner: r.owner,
      repo: r.repo,
      state: 'open',
      head: `${r.owner}:${opts.head}`,
      base: opts.base,
      per_page: 10,
    });
    const pr = data.find(p => p.head.ref === opts.head);
    return pr
      ? { url: pr.html_url, number: pr.number, created: false }
      : undefined;
  };
  const open = await find();
  if (open) return open;
  try {
    const { data } = await r.octokit.pulls.create({
      owner: r.owner,
      repo: r.repo,
      head: opts.head,
      base: opts.base,
      title: opts.title,
      body: opts.body,
    });
    return { url: data.html_url, number: data.number, created: true };
  } catch (e) {
    if (statusOf(e) === 422) {
      const again = await find();
      if (again) return again;
    }
    throw e;
  }
}
