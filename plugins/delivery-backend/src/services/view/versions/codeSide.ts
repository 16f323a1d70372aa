import type {
  CodeBuild,
  ImageArtifact,
  VersionStrategy,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../../configTypes';
import type { GitRemote } from '../../../upstreams/git/remote';
import { toCodeBuild } from '../fromJenkinsBuild';
import type { SourceLoader } from '../sources';
import { commitRef } from './artifactCommits';
import { CodeRepo, findCodeRepo } from './codeRepo';
import { resolveBuildVersions, StrategyReport } from './resolveVersions';
import { createVersionSources, ViewVersionSources } from './versionSources';

/** The code side of a view: builds with commits and versions, and how they were found. */
export interface CodeSide {
  builds: CodeBuild[];
  codeRepo?: CodeRepo;
  /** The branch the builds checked out (as Jenkins names it, e.g. `master`). */
  branch?: string;
  /** Every remote the code builds checked out (for the doctor). */
  remotes: string[];
  report: StrategyReport[];
  sources: ViewVersionSources;
}

/** `refs/remotes/origin/master`, `origin/master`, `refs/heads/master` -> `master`. */
export function branchName(raw: string | undefined): string | undefined {
  return (
    raw
      ?.replace(/^refs\/remotes\/[^/]+\//, '')
      .replace(/^refs\/heads\//, '')
      .replace(/^origin\//, '') || undefined
  );
}

function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Loads the code builds of a job, joins each to its commit and gives it its
 * version by the strategies in force. Throws (an UpstreamError) only when the
 * build list itself cannot be read.
 */
export async function loadCodeSide(input: {
  loader: SourceLoader;
  config: DeliveryConfig;
  instance: string;
  job: string;
  /** An older page of builds; absent: the newest (the view's). */
  page?: { offset: number; limit: number };
  sourceLocation?: GitRemote;
  strategies: readonly VersionStrategy[];
  nexus?: { instance: string; image: string };
  images: () => Promise<ImageArtifact[]>;
  isMovingTag(tag: string): boolean;
}): Promise<CodeSide> {
  const { config } = input;
  const raw = input.page
    ? await input.loader.codeBuildsPage(input.instance, input.job, input.page)
    : await input.loader.codeBuilds(input.instance, input.job);
  const converted = raw.map(b => ({
    raw: b,
    ...toCodeBuild(b, {
      job: input.job,
      codeRepo: input.sourceLocation,
      aliases: config.hostAliases,
    }),
  }));
  const remotes = [
    ...new Set(
      raw.flatMap(b => (b.actions ?? []).flatMap(a => a?.remoteUrls ?? [])),
    ),
  ];
  const codeRepo = findCodeRepo({
    sourceLocation: input.sourceLocation,
    buildRemotes: converted.flatMap(c => (c.remote ? [c.remote] : [])),
    aliases: config.hostAliases,
    githubHosts: config.githubHosts,
  });
  const branch = branchName(mostCommon(converted.map(c => c.branch)));
  const sources = createVersionSources({
    loader: input.loader,
    codeRepo,
    branch,
    nexus: input.nexus,
    images: input.images,
    isMovingTag: input.isMovingTag,
  });
  const resolved = await resolveBuildVersions(converted, {
    strategies: input.strategies,
    isMovingTag: input.isMovingTag,
    sources,
  });
  const htmlRepoUrl = codeRepo?.github
    ? `${codeRepo.github.htmlBaseUrl}/${codeRepo.remote.owner}/${codeRepo.remote.repo}`
    : undefined;
  const history = sources.loadedHistory();
  const builds = resolved.builds.map(b => {
    if (!b.commit || b.commit.message || !history?.commits.has(b.commit.sha))
      return b;
    const fromHost = commitRef(b.commit.sha, history, htmlRepoUrl);
    return { ...b, commit: { ...fromHost, url: b.commit.url ?? fromHost.url } };
  });
  return {
    builds,
    codeRepo,
    branch,
    remotes,
    report: resolved.report,
    sources,
  };
}
