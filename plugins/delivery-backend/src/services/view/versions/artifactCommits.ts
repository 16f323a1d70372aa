import {
  CommitRef,
  LinkEvidence,
  normalizeVersion,
  VersionStrategy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { firstLine, matchMessage, RepoHistory } from './repoHistory';
import { bumpPatterns } from './resolveVersions';
import type { ViewVersionSources } from './versionSources';

/** Most label reads for versions without a build, per view. */
const MAX_LABEL_LOOKUPS = 5;

/** A commit joined to a version that has no build left in Jenkins. */
export interface ArtifactCommit {
  commit: CommitRef;
  via: LinkEvidence;
}

/** A commit of the code repo as a CommitRef (message/author from the history when seen). */
export function commitRef(
  sha: string,
  history: RepoHistory | undefined,
  htmlRepoUrl: string | undefined,
): CommitRef {
  const c = history?.commits.get(sha);
  return {
    sha,
    shortSha: sha.slice(0, 7),
    message: c ? firstLine(c.message) : undefined,
    author: c?.author,
    timestamp: c?.date,
    url: htmlRepoUrl ? `${htmlRepoUrl}/commit/${sha}` : undefined,
  };
}

/**
 * Joins versions that have no build left in Jenkins to their commit: by the
 * git tag named like the version (the commit it tags, or the commit under a
 * version-bump commit), then by the image's OCI revision label for versions
 * that are pinned or running (bounded reads).
 */
export async function commitsForArtifacts(input: {
  versions: string[];
  important: Set<string>;
  strategies: readonly VersionStrategy[];
  sources: ViewVersionSources;
  htmlRepoUrl?: string;
}): Promise<Map<string, ArtifactCommit>> {
  const out = new Map<string, ArtifactCommit>();
  const kinds = new Set(input.strategies.map(s => s.kind));
  if (!input.versions.length) return out;
  const patterns = bumpPatterns(input.strategies);
  let history: RepoHistory | undefined;
  if (kinds.has('gitTag')) {
    history = await input.sources.history().catch(() => undefined);
  }
  let lookups = 0;
  for (const version of input.versions) {
    const key = normalizeVersion(version);
    const tag = history?.tagByVersion.get(key);
    if (history && tag) {
      const tagged = history.commits.get(tag.sha);
      const bump = tagged && matchMessage(tagged.message, patterns);
      const built = bump ? tagged.parents[0] : undefined;
      out.set(key, {
        commit: commitRef(built ?? tag.sha, history, input.htmlRepoUrl),
        via: {
          via: 'gitTag',
          detail: built
            ? `tag ${tag.name} points at ${tag.sha.slice(0, 7)} ("${firstLine(
                tagged!.message,
              )}"), pushed on top of ${built.slice(0, 7)}`
            : `tag ${tag.name} points at ${tag.sha.slice(0, 7)}`,
        },
      });
      continue;
    }
    if (
      kinds.has('imageLabel') &&
      input.important.has(key) &&
      lookups < MAX_LABEL_LOOKUPS
    ) {
      lookups++;
      const hit = await input.sources.labelsOf(version).catch(() => undefined);
      if (hit) {
        out.set(key, {
          commit: commitRef(hit.revision, history, input.htmlRepoUrl),
          via: {
            via: 'imageLabel',
            detail: `image ${hit.image}:${
              hit.tag
            } is labelled org.opencontainers.image.revision=${hit.revision.slice(
              0,
              7,
            )}`,
          },
        });
      }
    }
  }
  return out;
}
