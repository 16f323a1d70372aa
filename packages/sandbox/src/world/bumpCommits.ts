import type { GitHubTagSeed } from '../github';
import { publishedVersions, type PublishedVersion } from './derive';
import type { World, WorldCommit, WorldService } from './types';

/** The CI user Stakater's pipeline commits and tags as. */
export const ciUser = { name: 'stakater-user', email: 'stakater@gmail.com' };

/** Commit id of the `Bump Version to X` commit of a release. */
export function bumpCommitId(version: string): string {
  return `bump:${version}`;
}

/** Does this world release the Stakater way (bump commit + tag, runs stay `#N`)? */
export function bumpsVersions(world: World): boolean {
  return world.settings.releaseStyle === 'bumpCommit';
}

/** Released versions with a known commit, grouped by that commit id. */
function releasesByCommit(
  service: WorldService,
): Map<string, PublishedVersion[]> {
  const out = new Map<string, PublishedVersion[]>();
  for (const p of publishedVersions(service)) {
    if (!p.commit) continue;
    out.set(p.commit, [...(out.get(p.commit) ?? []), p]);
  }
  return out;
}

/** When the pipeline committed the bump: a minute before the image was pushed. */
function bumpDate(p: PublishedVersion, built: WorldCommit): string {
  const t = Math.max(Date.parse(built.date), Date.parse(p.created) - 60000);
  return new Date(t).toISOString();
}

/**
 * The default branch's history as the pipeline leaves it: with `releaseStyle: bumpCommit`,
 * each released commit C is followed by `Bump Version to X` (C's child, changing `.version`,
 * authored by the CI user). Other worlds: the commits as written.
 */
export function withBumpCommits(
  world: World,
  service: WorldService,
  commits: WorldCommit[],
): WorldCommit[] {
  if (!bumpsVersions(world)) return commits;
  const released = releasesByCommit(service);
  return commits.flatMap(c => [
    c,
    ...(released.get(c.id) ?? []).map(p => ({
      id: bumpCommitId(p.version),
      message: `Bump Version to ${p.version}`,
      date: bumpDate(p, c),
      author: ciUser,
      files: { '.version': `${p.version}\n` },
    })),
  ]);
}

/** The annotated tag `X` on each bump commit (bumpCommit worlds; none otherwise). */
export function releaseTags(
  world: World,
  service: WorldService,
): GitHubTagSeed[] {
  if (!bumpsVersions(world)) return [];
  const commits = new Map(service.commits.map(c => [c.id, c]));
  return [...releasesByCommit(service)].flatMap(([id, list]) =>
    list.map(p => ({
      name: p.version,
      target: bumpCommitId(p.version),
      annotation: {
        message: `Release ${p.version}`,
        tagger: ciUser,
        date: bumpDate(p, commits.get(id)!),
      },
    })),
  );
}
