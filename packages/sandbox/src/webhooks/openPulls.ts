type Json = Record<string, any>;

/**
 * The open pull requests of the watched repositories, to tell which were
 * opened or closed (without a merge) since the last look.
 */
export class OpenPulls {
  private readonly open = new Map<string, Set<number>>();

  constructor(private readonly get: (path: string) => Promise<Json>) {}

  private async read(owner: string, repo: string): Promise<Set<number>> {
    const list = (await this.get(
      `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(
        repo,
      )}/pulls?state=open&per_page=100`,
    )) as unknown as Json[];
    return new Set(list.map(p => p.number as number));
  }

  /** Records what is open now (no events). */
  async prime(repos: Array<{ owner: string; repo: string }>): Promise<void> {
    this.open.clear();
    for (const { owner, repo } of repos)
      this.open.set(`${owner}/${repo}`, await this.read(owner, repo));
  }

  /** A merged pull request is reported by the merge, not here. */
  merged(owner: string, repo: string, number: number): void {
    this.open.get(`${owner}/${repo}`)?.delete(number);
  }

  /** Pull requests opened and closed since the last look (a repo not primed: none). */
  async changes(
    owner: string,
    repo: string,
  ): Promise<{ opened: number[]; closed: number[] }> {
    const known = this.open.get(`${owner}/${repo}`);
    if (!known) return { opened: [], closed: [] };
    const now = await this.read(owner, repo);
    this.open.set(`${owner}/${repo}`, now);
    return {
      opened: [...now].filter(n => !known.has(n)),
      closed: [...known].filter(n => !now.has(n)),
    };
  }
}
