import type {
  GitHubCommitSeed,
  GitHubMergedPullSeed,
  GitHubRepoSeed,
} from '../github';
import {
  pinsByCommit,
  publishedVersions,
  serviceByRelease,
  valuesTagsByCommit,
} from './derive';
import { releaseTags, withBumpCommits } from './bumpCommits';
import { codeScaffold } from './renderCode';
import {
  configScaffold,
  renderConfigFiles,
  type RenderContext,
} from './renderConfig';
import type {
  World,
  WorldCommit,
  WorldConfigCommit,
  WorldEnvironment,
  WorldService,
} from './types';

const bot = { name: 'GitOps Bot', email: 'gitops-bot@stakater.com' };

/** Branch used by promotion pull requests. @public */
export function promotionBranch(
  env: string,
  release: string,
  version: string,
): string {
  return `delivery/${env}/${release}-${version}`;
}

function codeCommits(
  commits: WorldCommit[],
  changelog: string,
): { seeds: GitHubCommitSeed[]; changelog: Map<string, string> } {
  const byId = new Map<string, string>();
  let log = changelog;
  const seeds = commits.map(c => {
    let files = c.files;
    if (!files) {
      log = `${log}- ${c.message}\n`;
      files = { 'CHANGELOG.md': log };
    }
    byId.set(c.id, log);
    return {
      id: c.id,
      message: c.message,
      date: c.date,
      author: c.author,
      files,
    };
  });
  return { seeds, changelog: byId };
}

function codeRepoSeed(world: World, service: WorldService): GitHubRepoSeed {
  const first = publishedVersions(service)[0]?.version ?? '0.0.1';
  const initial: GitHubCommitSeed = {
    id: `${service.name}-init`,
    message: 'Initial commit',
    date: new Date(
      Date.parse(service.commits[0].date) - 86400000,
    ).toISOString(),
    author: service.commits[0].author,
    files: codeScaffold(service, first, world.settings.pipelineLibrary.branch),
  };
  const base = `# Changelog of ${service.name}\n`;
  const main = codeCommits(
    withBumpCommits(world, service, service.commits),
    base,
  );
  return {
    owner: service.codeRepo.owner,
    name: service.codeRepo.name,
    ownerType: 'Organization',
    defaultBranch: service.codeRepo.defaultBranch,
    description: service.description,
    commits: [initial, ...main.seeds],
    branches: service.branches.map(b => {
      const fromLog =
        (b.from && main.changelog.get(b.from)) ??
        [...main.changelog.values()].pop() ??
        base;
      return {
        name: b.name,
        from: b.from,
        commits: codeCommits(b.commits, fromLog).seeds,
      };
    }),
    tags: releaseTags(world, service),
  };
}

/** Title and body marker of a promotion pull request, as the Delivery backend writes them. */
function promotionText(
  env: WorldEnvironment,
  release: string,
  from: string | undefined,
  version: string,
): { title: string; marker: string } {
  return {
    title: `Promote ${release} ${from ?? '(none)'} -> ${version} to ${
      env.name
    }`,
    marker: `<!-- delivery:promotion env=${env.name} release=${release} version=${version} -->`,
  };
}

/** The merged promotion pull request behind a config commit (`pull:` in the world). */
function mergedPullSeed(
  env: WorldEnvironment,
  commit: WorldConfigCommit,
  before: Record<string, string>,
): GitHubMergedPullSeed {
  const pull = commit.pull!;
  const openedAt =
    pull.openedAt ??
    new Date(Date.parse(commit.date) - 30 * 60000).toISOString();
  const changed = Object.entries(commit.pins);
  if (changed.length !== 1)
    return {
      branch: pull.branch!,
      title: commit.message.split('\n')[0],
      user: pull.user,
      mergedBy: pull.mergedBy,
      openedAt,
    };
  const [release, version] = changed[0];
  const { title, marker } = promotionText(
    env,
    release,
    before[release],
    version,
  );
  return {
    branch: pull.branch ?? promotionBranch(env.name, release, version),
    title,
    body: `Bumps \`${release}\` from \`${
      before[release] ?? '(none)'
    }\` to \`${version}\` in \`${env.configRepo.name}\`.\n\n${marker}\n`,
    user: pull.user,
    mergedBy: pull.mergedBy,
    openedAt,
  };
}

function configRepoSeed(
  world: World,
  env: WorldEnvironment,
  ctx: RenderContext,
): GitHubRepoSeed {
  const pins = pinsByCommit(env);
  const tags = valuesTagsByCommit(env);
  let previous: Record<string, string> = {};
  const commits = env.commits.map((c, i) => {
    const rendered = renderConfigFiles(
      world,
      env,
      pins.get(c.id)!,
      tags.get(c.id)!,
      ctx,
    );
    const files: Record<string, string | null> =
      i === 0 ? { ...configScaffold(env), ...rendered } : {};
    if (i > 0)
      for (const [p, text] of Object.entries(rendered))
        if (previous[p] !== text) files[p] = text;
    const before = i > 0 ? pins.get(env.commits[i - 1].id)! : {};
    previous = rendered;
    return {
      id: c.id,
      message: c.message,
      date: c.date,
      author: c.author ?? bot,
      files,
      pull: c.pull && mergedPullSeed(env, c, before),
    };
  });
  const last = env.commits[env.commits.length - 1];
  const headPins = pins.get(last.id)!;
  const headTags = tags.get(last.id)!;
  const head = renderConfigFiles(world, env, headPins, headTags, ctx);
  const branches: NonNullable<GitHubRepoSeed['branches']> = [];
  const pulls: NonNullable<GitHubRepoSeed['pulls']> = [];
  for (const p of env.pulls) {
    const service = serviceByRelease(world, p.release);
    if (!service) continue;
    const bumped = renderConfigFiles(
      world,
      env,
      { ...headPins, [p.release]: p.version },
      { ...headTags, [p.release]: p.version },
      ctx,
    );
    const files: Record<string, string | null> = {};
    for (const [path, text] of Object.entries(bumped))
      if (head[path] !== text) files[path] = text;
    const branch = promotionBranch(env.name, p.release, p.version);
    // Same title, body marker and commit message as the Delivery backend's promotions.
    const { title, marker } = promotionText(
      env,
      p.release,
      headPins[p.release],
      p.version,
    );
    branches.push({
      name: branch,
      commits: [
        {
          message: `${title}\n\n${marker}\n`,
          date: p.date,
          author: bot,
          files,
        },
      ],
    });
    pulls.push({
      head: branch,
      base: env.configRepo.branch,
      title,
      body: `Bumps \`${p.release}\` from \`${
        headPins[p.release] ?? '(none)'
      }\` to \`${p.version}\` in \`${env.configRepo.name}\`.\n\n${marker}\n`,
      user: p.user,
    });
  }
  return {
    owner: env.configRepo.owner,
    name: env.configRepo.name,
    ownerType: 'Organization',
    defaultBranch: env.configRepo.branch,
    description: `Umbrella chart of the ${env.name} environment`,
    commits,
    branches,
    pulls,
  };
}

/** Repositories (code and config) to seed the GitHub simulator with. @public */
export function worldToSeeds(
  world: World,
  ctx: RenderContext,
): GitHubRepoSeed[] {
  return [
    ...world.services.map(s => codeRepoSeed(world, s)),
    ...world.environments.map(env => configRepoSeed(world, env, ctx)),
  ];
}
