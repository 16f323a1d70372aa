import type { GitHubCommitSeed, GitHubRepoSeed } from '../types';
import type { StoreOps } from './storeOps';
import type { RepoRecord } from './records';
import { personAt } from './records';
import { openPull, PullValidationError } from './pulls';
import { seedMergedPull } from './seedMergedPull';

const DEFAULT_AUTHOR = {
  name: 'Sandbox Developer',
  email: 'developer@sandbox.localhost',
};

async function applyCommits(
  store: StoreOps,
  rec: RepoRecord,
  branch: string,
  commits: GitHubCommitSeed[],
): Promise<void> {
  for (const seed of commits) {
    const who = seed.author ?? DEFAULT_AUTHOR;
    const person = personAt(who.name, who.email, seed.date);
    const message = seed.message.endsWith('\n')
      ? seed.message
      : `${seed.message}\n`;
    const changes = await store.fileChanges(rec, seed.files);
    const sha = seed.pull
      ? await seedMergedPull(store, rec, {
          base: branch,
          changes,
          headAuthor: personAt(who.name, who.email, seed.pull.openedAt),
          headMessage: message.trimEnd(),
          mergedAt: seed.date ?? new Date().toISOString(),
          pull: seed.pull,
        })
      : await store.commitOnBranch(rec, branch, {
          message,
          changes,
          author: person,
          committer: person,
        });
    if (seed.id) {
      if (rec.seedShas.has(seed.id)) {
        throw new Error(
          `Duplicate commit id '${seed.id}' in seed for ${rec.owner.login}/${rec.name}`,
        );
      }
      rec.seedShas.set(seed.id, sha);
    }
  }
}

async function applyRepoSeed(
  store: StoreOps,
  seed: GitHubRepoSeed,
): Promise<void> {
  const ownerType =
    seed.ownerType ??
    (seed.owner === store.config.viewer ? 'User' : 'Organization');
  const firstDate = seed.commits.find(c => c.date)?.date;
  const rec = await store.createRepo({
    owner: store.account(seed.owner, ownerType),
    name: seed.name,
    description: seed.description ?? null,
    private: seed.private,
    defaultBranch: seed.defaultBranch ?? 'main',
    createdAt: firstDate
      ? new Date(firstDate).toISOString().replace(/\.\d{3}Z$/, 'Z')
      : undefined,
  });
  const name = `${seed.owner}/${seed.name}`;
  await applyCommits(store, rec, rec.defaultBranch, seed.commits);
  for (const branch of seed.branches ?? []) {
    const from = branch.from ?? rec.defaultBranch;
    const start =
      rec.seedShas.get(from) ?? (await rec.git.readRef(`refs/heads/${from}`));
    if (!start) {
      throw new Error(
        `Seed ${name}: branch '${branch.name}' starts from unknown '${from}'`,
      );
    }
    await rec.git.writeRef(`refs/heads/${branch.name}`, start);
    await applyCommits(store, rec, branch.name, branch.commits);
  }
  for (const tag of seed.tags ?? []) {
    const target =
      rec.seedShas.get(tag.target) ??
      (await rec.git.readRef(`refs/heads/${tag.target}`));
    if (!target)
      throw new Error(
        `Seed ${name}: tag '${tag.name}' points at unknown '${tag.target}'`,
      );
    await store.tagInRepo(rec, tag.name, target, tag.annotation);
  }
  for (const branch of seed.protectedBranches ?? []) {
    rec.protection.set(branch, {
      required_pull_request_reviews: { required_approving_review_count: 1 },
      enforce_admins: true,
    });
  }
  for (const pull of seed.pulls ?? []) {
    const head = await rec.git.readRef(`refs/heads/${pull.head}`);
    const headCommit = head ? await rec.git.readCommit(head) : undefined;
    try {
      await openPull(store, rec, {
        head: pull.head,
        base: pull.base,
        title: pull.title,
        body: pull.body ?? null,
        user: pull.user ?? store.config.viewer,
        createdAt: headCommit
          ? new Date(headCommit.committer.timestamp * 1000)
              .toISOString()
              .replace(/\.\d{3}Z$/, 'Z')
          : undefined,
      });
    } catch (e) {
      if (!(e instanceof PullValidationError)) throw e;
      const why = e.errors
        .map(x => x.message ?? `${x.field} ${x.code}`)
        .join('; ');
      throw new Error(`pull request ${pull.head} -> ${pull.base}: ${why}`);
    }
  }
}

/** Applies repository seeds in order (deterministic: same seeds with dates -> same shas and ids). */
export async function applySeeds(
  store: StoreOps,
  seeds: GitHubRepoSeed[],
): Promise<void> {
  for (const seed of seeds) {
    try {
      await applyRepoSeed(store, seed);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`Invalid GitHub seed ${seed.owner}/${seed.name}: ${msg}`);
    }
  }
}
