/**
 * A pull request of a config repository, reduced to what its users need.
 * @public
 */
export interface ConfigRepoPull {
  /** The pull request's number. */
  number: number;
  /** Its web URL. */
  url: string;
  /** The head branch. */
  branch: string;
  /** The branch it merges into. */
  base: string;
  /** Its description (empty when none). */
  body: string;
  /** `open` or `closed`. */
  state: string;
  /** Login of the PR's author (`user.login`; an App shows as `<slug>[bot]`). */
  author?: string;
  /** `owner/repo` the head branch lives in (another one for a fork). */
  headRepo?: string;
}

/** The fields of GitHub's pull request JSON that {@link toConfigRepoPull} reads. */
export interface PullJson {
  number: number;
  html_url: string;
  body?: string | null;
  state: string;
  user?: { login?: string } | null;
  head: { ref: string; repo?: { full_name?: string } | null };
  base: { ref: string };
}

export function toConfigRepoPull(p: PullJson): ConfigRepoPull {
  return {
    number: p.number,
    url: p.html_url,
    branch: p.head.ref,
    base: p.base.ref,
    body: p.body ?? '',
    state: p.state,
    author: p.user?.login ?? undefined,
    headRepo: p.head.repo?.full_name ?? undefined,
  };
}
