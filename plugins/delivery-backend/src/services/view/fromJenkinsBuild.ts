import type {
  BuildResult,
  CodeBuild,
  CommitRef,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { GitRemote, HostAliases } from '../../upstreams/git/remote';
import {
  builtRevisions,
  changeSetEntry,
  codeRevision,
  commitUrl,
  revisionForRepo,
} from '../../upstreams/jenkins/buildData';
import type { JenkinsBuild } from '../../upstreams/jenkins/schema';

const iso = (ms: number) => new Date(ms).toISOString();

function result(build: JenkinsBuild): BuildResult | null {
  return build.building ? null : build.result ?? null;
}

/** What every Jenkins run shows, code build or deploy run: link, result, timing. */
type JenkinsRunFacts = Pick<
  CodeBuild,
  'number' | 'url' | 'result' | 'building' | 'startedAt' | 'durationMs'
>;

function runFacts(build: JenkinsBuild): JenkinsRunFacts {
  return {
    number: build.number,
    url: build.url,
    result: result(build),
    building: Boolean(build.building),
    startedAt: iso(build.timestamp),
    durationMs: build.duration ?? 0,
  };
}

/**
 * A code build joined to its commit (the code repo's `BuildData`, never the
 * pipeline library's), message/author from the build's changeSets when
 * recorded. The version is found later (`resolveBuildVersions`).
 */
export function toCodeBuild(
  build: JenkinsBuild,
  options: { job: string; codeRepo?: GitRemote; aliases: HostAliases },
): { build: CodeBuild; remote?: string; branch?: string } {
  const match = codeRevision(
    build,
    options.job,
    options.codeRepo,
    options.aliases,
  );
  const revision = match.revision;
  let commit: CommitRef | undefined;
  if (revision) {
    const entry = changeSetEntry(build, revision.sha);
    commit = {
      sha: revision.sha,
      shortSha: revision.sha.slice(0, 7),
      message: entry?.msg,
      author: entry?.author?.fullName,
      timestamp: entry?.timestamp ? iso(entry.timestamp) : undefined,
      url: revision.remoteUrls
        .map(u => commitUrl(u, revision.sha))
        .find(Boolean),
    };
  }
  const count = builtRevisions(build).length;
  return {
    remote: match.remote,
    branch: revision?.branch,
    build: {
      ...runFacts(build),
      version: undefined,
      commit,
      commitVia: revision
        ? {
            via: 'buildData',
            detail: `build #${build.number} checked out ${revision.sha.slice(
              0,
              7,
            )} from ${match.remote}${
              count > 1 ? ` (1 of ${count} repositories it checked out)` : ''
            }`,
          }
        : undefined,
    },
  };
}

/** A deploy run before its pinned version is known. */
export interface RawDeployRun extends JenkinsRunFacts {
  /** The config-repo commit it built (BuildData matching the config repo). */
  configSha?: string;
  /** The remote that matched. */
  configRemote?: string;
  /** Every remote the run checked out (for the doctor when none matched). */
  remotes: string[];
  /** Remotes naming the config repo on a host that is no configured alias. */
  otherHostRemotes: string[];
}

/** A deploy-Jenkins build, joined to the config-repo commit it deployed. */
export function toRawDeployRun(
  build: JenkinsBuild,
  configRepo: GitRemote,
  aliases: HostAliases,
): RawDeployRun {
  const match = revisionForRepo(build, configRepo, aliases);
  return {
    ...runFacts(build),
    configSha: match.revision?.sha,
    configRemote: match.remote,
    remotes: [...new Set(builtRevisions(build).flatMap(r => r.remoteUrls))],
    otherHostRemotes: match.otherHostRemotes,
  };
}
