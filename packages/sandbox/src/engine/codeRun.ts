import semver from 'semver';
import type { ChangeItem, QueueItem } from '../jenkins';
import type { WorldService } from '../world';
import { cloneUrl, codeStages } from './context';
import { bumpsVersions, ciUser } from '../world/bumpCommits';
import { publishRelease } from './seedArtifacts';
import { param, quietPeriod, type EngineGeneration } from './runGeneration';

/** A pushed commit the next run of a branch job builds. */
export interface PendingPush {
  sha: string;
  change: ChangeItem;
  fail?: boolean;
}

/** Commits a change to a code repo (a CHANGELOG.md line) as a developer push would. */
export async function commitPush(
  generation: EngineGeneration,
  service: WorldService,
  branch: string,
  message: string,
  author: { name: string; email: string },
): Promise<PendingPush> {
  const { owner, name } = service.codeRepo;
  const log =
    (await generation.store.readFile(owner, name, branch, 'CHANGELOG.md')) ??
    `# Changelog of ${service.name}\n`;
  const sha = await generation.store.commitFiles(
    owner,
    name,
    branch,
    message,
    { 'CHANGELOG.md': `${log}- ${message}\n` },
    author,
  );
  return {
    sha,
    change: {
      sha,
      message,
      authorName: author.name,
      authorEmail: author.email,
      timestamp: Date.now(),
      paths: [{ file: 'CHANGELOG.md', editType: 'edit' }],
    },
  };
}

/** Patch bump keeping the `v` style (`v0.0.9` -> `v0.0.10`); undefined when not semver. */
function bump(version: string): string | undefined {
  const bumped = semver.inc(version.replace(/^v/, ''), 'patch');
  if (!bumped) return undefined;
  return version.startsWith('v') ? `v${bumped}` : bumped;
}

/**
 * Next release version: patch bump of the newest chart, keeping its `v` style; without a
 * published chart, the bump of `current` (the repo's `.version` or chart version), else 0.0.1.
 */
export function nextVersion(
  generation: EngineGeneration,
  service: WorldService,
  current?: string,
): string {
  const list = generation.charts.charts.get(service.chart) ?? [];
  const newest = list.find(c => semver.valid(c.version.replace(/^v/, '')));
  return (
    (newest && bump(newest.version)) ?? (current && bump(current)) ?? '0.0.1'
  );
}

/** The version a repo says it last released: `.version`, else its chart's `version`. */
export async function currentVersion(
  generation: EngineGeneration,
  service: WorldService,
  ref: string,
): Promise<string | undefined> {
  const { owner, name } = service.codeRepo;
  const dotVersion = await generation.store.readFile(
    owner,
    name,
    ref,
    '.version',
  );
  if (dotVersion?.trim()) return dotVersion.trim();
  const chart = await generation.store.readFile(
    owner,
    name,
    ref,
    `deployments/kubernetes/chart/${service.chart}/Chart.yaml`,
  );
  const m = chart && /^version:\s*['"]?([^'"\s#]+)/m.exec(chart);
  return m ? m[1] : undefined;
}

/** Runs a queued code build; on the default branch with RELEASE it publishes image + chart. */
export async function runCodeBuild(
  generation: EngineGeneration,
  service: WorldService,
  branch: string,
  item: QueueItem,
  push?: PendingPush,
): Promise<void> {
  const { owner, name } = service.codeRepo;
  await generation.sleep(quietPeriod(generation.buildDelayMs));
  if (item.cancelled) return;
  const sha =
    push?.sha ?? (await generation.store.headSha(owner, name, branch));
  if (!generation.alive()) return;
  const lib = generation.ctx.world.settings.pipelineLibrary;
  const build = generation.code.start(item, {
    timestamp: Date.now(),
    estimatedDuration: Math.max(1, generation.buildDelayMs),
    description: null,
    causes: item.causes,
    parameters: item.parameters,
    revisions: [
      { sha: lib.sha, branch: lib.branch, remoteUrl: lib.url },
      ...(sha
        ? [{ sha, branch, remoteUrl: cloneUrl(generation.ctx, owner, name) }]
        : []),
    ],
    changes: push ? [push.change] : [],
    stages: codeStages,
  });
  generation.events.add('build.started', {
    service: service.name,
    branch,
    number: build.number,
    queueId: item.id,
    sha,
  });
  await generation.sleep(generation.buildDelayMs);
  if (push?.fail || !sha) {
    generation.code.finish(build, 'FAILURE', { failedStage: 2 });
    generation.events.add('build.finished', {
      service: service.name,
      branch,
      number: build.number,
      result: 'FAILURE',
      sha,
    });
    return;
  }
  let version: string | undefined;
  if (
    param(item, 'RELEASE') !== false &&
    branch === service.codeRepo.defaultBranch
  ) {
    const published = generation.charts.charts.get(service.chart)?.length;
    version = nextVersion(
      generation,
      service,
      published ? undefined : await currentVersion(generation, service, sha),
    );
    if (!generation.alive()) return;
    const created = new Date().toISOString();
    const bumpSha = await generation.store.commitFiles(
      owner,
      name,
      branch,
      `Bump Version to ${version}`,
      { '.version': `${version}\n` },
      ciUser,
    );
    if (!generation.alive()) return;
    if (bumpsVersions(generation.ctx.world))
      await generation.store.createTag(owner, name, version, bumpSha, {
        message: `Release ${version}`,
        tagger: ciUser,
      });
    if (!generation.alive()) return;
    publishRelease(
      generation.ctx,
      generation.nexus,
      generation.charts,
      service,
      {
        version,
        created,
        image: true,
        chart: true,
        revision: sha,
      },
    );
  }
  generation.code.finish(build, 'SUCCESS', {
    // goBuildAndRelease (bumpCommit worlds) leaves the run named `#N`.
    displayName: bumpsVersions(generation.ctx.world) ? undefined : version,
  });
  generation.events.add('build.finished', {
    service: service.name,
    branch,
    number: build.number,
    result: 'SUCCESS',
    sha,
    version,
  });
}
