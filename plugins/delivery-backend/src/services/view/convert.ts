import type {
  BuildResult,
  CodeBuild,
  CommitRef,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { VersionFrom } from '../../configTypes';
import {
  buildVersion,
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

/**
 * A code build, joined to its commit: the `BuildData` of the code repo (see
 * `codeRevision`), message/author from the build's changeSets when recorded.
 * @public
 */
export function toCodeBuild(
  build: JenkinsBuild,
  options: { job: string; versionFrom: VersionFrom; codeRepoUrl?: string },
): CodeBuild {
  const revision = codeRevision(build, options.job, options.codeRepoUrl);
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
  return {
    number: build.number,
    url: build.url,
    result: result(build),
    building: Boolean(build.building),
    startedAt: iso(build.timestamp),
    durationMs: build.duration ?? 0,
    version: buildVersion(build, options.versionFrom),
    commit,
  };
}

/** A deploy run before its pinned version is known. @public */
export interface RawDeployRun {
  number: number;
  url: string;
  result: BuildResult | null;
  building: boolean;
  startedAt: string;
  durationMs: number;
  /** The config-repo commit it built (BuildData matching the config repo). */
  configSha?: string;
}

/** A deploy-Jenkins build, joined to the config-repo commit it deployed. @public */
export function toRawDeployRun(
  build: JenkinsBuild,
  configRepoUrl: string,
): RawDeployRun {
  return {
    number: build.number,
    url: build.url,
    result: result(build),
    building: Boolean(build.building),
    startedAt: iso(build.timestamp),
    durationMs: build.duration ?? 0,
    configSha: revisionForRepo(build, configRepoUrl)?.sha,
  };
}
