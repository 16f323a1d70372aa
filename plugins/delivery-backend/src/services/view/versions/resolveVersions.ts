import {
  CodeBuild,
  DEFAULT_COMMIT_MESSAGE_PATTERN,
  formatVersionStrategy,
  LinkEvidence,
  VersionStrategy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  buildVersion,
  plausibleVersion,
} from '../../../upstreams/jenkins/buildData';
import type { JenkinsBuild } from '../../../upstreams/jenkins/schema';
import {
  bumpCommitOnTop,
  firstLine,
  matchMessage,
  RepoHistory,
} from './repoHistory';

/** An image whose OCI labels name the commit it was built from. */
export interface LabelledImage {
  image: string;
  tag: string;
  revision: string;
  version?: string;
}

/** Lazy, cached reads the strategies may need. Each may throw an UpstreamError. */
export interface VersionSources {
  /** Tags and recent commits of the code repo; undefined when it is not on a GitHub integration. */
  history(): Promise<RepoHistory | undefined>;
  /** Labels of the newest images. */
  labelledImages(): Promise<LabelledImage[]>;
  /** A file of the code repo at a commit; undefined when absent. */
  fileAt(path: string, sha: string): Promise<string | undefined>;
}

/** How one strategy did over the builds. */
export interface StrategyReport {
  strategy: string;
  /** Builds whose version this strategy gave. */
  matched: number;
  /** Builds it was tried on. */
  tried: number;
  /** Why it could not run, if it could not. */
  error?: string;
}

/** Most builds the `file:` strategy reads a file for, per view. */
const MAX_FILE_READS = 10;

const short = (sha: string) => sha.slice(0, 7);
const released = (b: CodeBuild) =>
  !b.building && (b.result === 'SUCCESS' || b.result === 'UNSTABLE');

/** The patterns that recognise a version-bump commit message. */
export function bumpPatterns(strategies: readonly VersionStrategy[]): RegExp[] {
  const sources = strategies.flatMap(s =>
    s.kind === 'commitMessage' ? [s.pattern] : [],
  );
  return [...new Set([...sources, DEFAULT_COMMIT_MESSAGE_PATTERN])].map(
    p => new RegExp(p, 'i'),
  );
}

type Found = { version: string; via: LinkEvidence } | undefined;

/**
 * Gives each code build its version: the strategies in order, the first that
 * yields a version (that is no moving tag) wins, and its evidence is kept.
 * Strategies that read outside the build (git tags, commit messages, image
 * labels, files) run only for builds that released (SUCCESS or UNSTABLE).
 */
export async function resolveBuildVersions(
  builds: Array<{ build: CodeBuild; raw: JenkinsBuild }>,
  options: {
    strategies: readonly VersionStrategy[];
    isMovingTag(version: string): boolean;
    sources: VersionSources;
  },
): Promise<{ builds: CodeBuild[]; report: StrategyReport[] }> {
  const { strategies, isMovingTag, sources } = options;
  const patterns = bumpPatterns(strategies);
  const report = strategies.map(s => ({
    strategy: formatVersionStrategy(s),
    matched: 0,
    tried: 0,
    error: undefined as string | undefined,
  }));
  let fileReads = 0;

  const attempt = async (i: number, fn: () => Promise<Found>) => {
    if (report[i].error) return undefined;
    report[i].tried++;
    try {
      return await fn();
    } catch (e) {
      report[i].error = (e as Error).message;
      return undefined;
    }
  };

  const byStrategy = async (
    s: VersionStrategy,
    b: CodeBuild,
    raw: JenkinsBuild,
  ): Promise<Found> => {
    const sha = b.commit?.sha;
    switch (s.kind) {
      case 'displayName':
      case 'description':
      case 'parameter': {
        const v = buildVersion(raw, s);
        const what =
          s.kind === 'parameter'
            ? `parameter ${s.name}`
            : `${s.kind === 'displayName' ? 'display name' : 'description'}`;
        return v
          ? {
              version: v,
              via: {
                via: formatVersionStrategy(s),
                detail: `build #${b.number}'s ${what} is "${v}"`,
              },
            }
          : undefined;
      }
      case 'gitTag': {
        if (!sha) return undefined;
        const h = await sources.history();
        if (!h) return undefined;
        const tag = (h.tagsBySha.get(sha) ?? []).find(t => !isMovingTag(t));
        if (tag)
          return {
            version: tag,
            via: {
              via: 'gitTag',
              detail: `tag ${tag} points at ${short(sha)}, the built commit`,
            },
          };
        const bump = bumpCommitOnTop(h, sha, patterns);
        const bumpTag =
          bump &&
          (h.tagsBySha.get(bump.commit.sha) ?? []).find(t => !isMovingTag(t));
        if (bump && bumpTag)
          return {
            version: bumpTag,
            via: {
              via: 'gitTag',
              detail: `tag ${bumpTag} points at ${short(
                bump.commit.sha,
              )} ("${firstLine(
                bump.commit.message,
              )}"), pushed on top of the built commit ${short(sha)}`,
            },
          };
        return undefined;
      }
      case 'commitMessage': {
        if (!sha) return undefined;
        const re = [new RegExp(s.pattern, 'i')];
        const own = matchMessage(b.commit?.message, re);
        if (own)
          return {
            version: own,
            via: {
              via: 'commitMessage',
              detail: `the built commit ${short(sha)} says "${firstLine(
                b.commit?.message,
              )}"`,
            },
          };
        const h = await sources.history();
        const fromHost = h?.commits.get(sha);
        const hostOwn = fromHost && matchMessage(fromHost.message, re);
        if (hostOwn)
          return {
            version: hostOwn,
            via: {
              via: 'commitMessage',
              detail: `the built commit ${short(sha)} says "${firstLine(
                fromHost.message,
              )}"`,
            },
          };
        const bump = h && bumpCommitOnTop(h, sha, re);
        return bump
          ? {
              version: bump.version,
              via: {
                via: 'commitMessage',
                detail: `commit ${short(bump.commit.sha)} "${firstLine(
                  bump.commit.message,
                )}" was pushed on top of the built commit ${short(sha)}`,
              },
            }
          : undefined;
      }
      case 'imageLabel': {
        if (!sha) return undefined;
        const hit = (await sources.labelledImages()).find(
          i => i.revision === sha && !isMovingTag(i.tag),
        );
        if (!hit) return undefined;
        const version =
          hit.version && !isMovingTag(hit.version) ? hit.version : hit.tag;
        return {
          version,
          via: {
            via: 'imageLabel',
            detail: `image ${hit.image}:${
              hit.tag
            } is labelled org.opencontainers.image.revision=${short(sha)}`,
          },
        };
      }
      case 'file': {
        if (!sha || fileReads >= MAX_FILE_READS) return undefined;
        fileReads++;
        // A pipeline that bumps the file after building (Stakater's) pushes the
        // bump on top of the built commit: the file there is the released version.
        const h = await sources.history().catch(() => undefined);
        const bump = h && bumpCommitOnTop(h, sha, patterns);
        const at = bump?.commit.sha ?? sha;
        const v = plausibleVersion(firstLine(await sources.fileAt(s.path, at)));
        if (!v) return undefined;
        const where = bump
          ? `${short(at)} ("${firstLine(
              bump.commit.message,
            )}", pushed on top of the built commit ${short(sha)})`
          : `the built commit ${short(sha)}`;
        return {
          version: v,
          via: {
            via: `file:${s.path}`,
            detail: `${s.path} at ${where} says ${v}`,
          },
        };
      }
      default:
        return undefined;
    }
  };

  const out: CodeBuild[] = [];
  for (const { build, raw } of builds) {
    let found: Found;
    for (let i = 0; i < strategies.length && !found; i++) {
      const s = strategies[i];
      const inBuild =
        s.kind === 'displayName' ||
        s.kind === 'description' ||
        s.kind === 'parameter';
      if (!inBuild && !released(build)) continue;
      const f = await attempt(i, () => byStrategy(s, build, raw));
      if (f && !isMovingTag(f.version)) {
        found = f;
        report[i].matched++;
      }
    }
    out.push(
      found
        ? { ...build, version: found.version, versionVia: found.via }
        : build,
    );
  }
  return {
    builds: out,
    report: report.map(r => (r.error ? r : { ...r, error: undefined })),
  };
}
