import { Octokit } from '@octokit/rest';
import { parse } from 'yaml';
import {
  randomPorts,
  sandboxCredentials,
  startSandbox,
  type Sandbox,
} from '../sandbox';
import { DORA_WORLD_NOW, doraExpected } from './doraExpected';

/**
 * worlds/dora.yaml against its expected figures (src/world/doraExpected.ts): every run, pin,
 * pull request and commit the figures count is read back over HTTP, and which runs count is
 * worked out again from what the upstreams serve, so the world and the file cannot disagree.
 */
const HOUR = 3600_000;
const basic = (u: string, p: string) =>
  `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const c = sandboxCredentials;

interface Run {
  number: number;
  result: string;
  displayName: string;
  timestamp: number;
  duration: number;
  actions: Array<{ lastBuiltRevision?: { SHA1: string } }>;
}

let sb: Sandbox;
let octokit: Octokit;
let prodRuns: Run[];
let codeRuns: Run[];
const pinAt = new Map<string, string>();

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const builtSha = (run: Run) =>
  run.actions.filter(a => a.lastBuiltRevision).pop()!.lastBuiltRevision!.SHA1;
const configSha = (id: string) =>
  sb.engine.generation.store.commitSha('gitops', 'config-prod', id)!;
const codeSha = (id: string) =>
  sb.engine.generation.store.commitSha('shop', 'orders', id)!;

async function jenkinsRuns(url: string, authorization: string) {
  const tree =
    'allBuilds[number,result,displayName,timestamp,duration,actions[lastBuiltRevision[SHA1]]]';
  const res = await fetch(`${url}/api/json?tree=${encodeURIComponent(tree)}`, {
    headers: { authorization },
  });
  expect(res.status).toBe(200);
  const runs = ((await res.json()) as { allBuilds: Run[] }).allBuilds;
  return runs.sort((a, b) => a.number - b.number);
}

/** The `orders` pin of prod's Chart.yaml at a config commit, read through the contents API. */
async function pinOf(sha: string): Promise<string> {
  if (!pinAt.has(sha)) {
    const { data } = await octokit.repos.getContent({
      owner: 'gitops',
      repo: 'config-prod',
      path: 'Chart.yaml',
      ref: sha,
      mediaType: { format: 'raw' },
    });
    const chart = parse(data as unknown as string) as {
      dependencies: Array<{ alias: string; version: string }>;
    };
    pinAt.set(sha, chart.dependencies.find(d => d.alias === 'orders')!.version);
  }
  return pinAt.get(sha)!;
}

beforeAll(async () => {
  sb = await startSandbox({
    world: 'dora',
    now: DORA_WORLD_NOW,
    ports: randomPorts,
    deployDelayMs: 30,
    buildDelayMs: 30,
  });
  octokit = new Octokit({
    baseUrl: `${sb.urls.github}/api/v3`,
    auth: c.githubToken,
  });
  prodRuns = await jenkinsRuns(
    `${sb.urls['jenkins-deploy']}/job/deploy/job/config-prod`,
    basic(c.deployJenkins.username, c.deployJenkins.password),
  );
  codeRuns = await jenkinsRuns(
    `${sb.urls['jenkins-code']}/job/shop/job/orders/job/main`,
    basic(c.codeJenkins.username, c.codeJenkins.password),
  );
});
afterAll(() => sb.stop());

describe('worlds/dora.yaml serves what doraExpected counts', () => {
  const from = Date.parse(doraExpected.period.from);
  const to = Date.parse(doraExpected.period.to);
  /** Each prod run with its end and the version its config commit pins. */
  const served = async () => {
    const out = [];
    for (const run of prodRuns)
      out.push({
        run,
        end: run.timestamp + run.duration,
        version: await pinOf(builtSha(run)),
      });
    return out;
  };

  it('dates are as written when started at DORA_WORLD_NOW', () => {
    const last = prodRuns[prodRuns.length - 1];
    expect(last.number).toBe(11);
    expect(iso(last.timestamp)).toBe('2026-05-27T14:50:00Z');
    expect(to - from).toBe(doraExpected.days * 24 * HOUR);
  });

  it('each counted deploy: its run, result, times, config commit, pin and pull request', async () => {
    const all = [
      ...doraExpected.deploymentFrequency.deploys,
      ...doraExpected.changeFailureRate.deploys,
    ];
    for (const d of all) {
      const run = prodRuns.find(r => r.number === d.run)!;
      expect([d.run, run.result]).toEqual([d.run, d.result]);
      expect(iso(run.timestamp)).toBe(d.startedAt);
      expect(iso(run.timestamp + run.duration)).toBe(d.finishedAt);
      expect(builtSha(run)).toBe(configSha(d.configCommit));
      expect(await pinOf(builtSha(run))).toBe(d.version);
      const { data: pulls } =
        await octokit.repos.listPullRequestsAssociatedWithCommit({
          owner: 'gitops',
          repo: 'config-prod',
          commit_sha: builtSha(run),
        });
      expect(pulls.map(p => p.number)).toEqual(
        d.pullRequest ? [d.pullRequest.number] : [],
      );
      const pr = d.pullRequest
        ? (
            await octokit.pulls.get({
              owner: 'gitops',
              repo: 'config-prod',
              pull_number: d.pullRequest.number,
            })
          ).data
        : undefined;
      expect(
        pr && {
          mergedBy: pr.merged_by?.login,
          mergeCommit: pr.merge_commit_sha,
          head: pr.head.ref,
        },
      ).toEqual(
        d.pullRequest && {
          mergedBy: d.pullRequest.mergedBy,
          mergeCommit: configSha(d.configCommit),
          head: `delivery/prod/orders-${d.version}`,
        },
      );
    }
  });

  it('deployment frequency: the SUCCESS runs that changed the version are the expected ones', async () => {
    const runs = await served();
    const counted: number[] = [];
    let previous: string | undefined;
    for (const r of runs) {
      if (r.run.result !== 'SUCCESS') continue;
      if (previous !== undefined && r.version !== previous && r.end >= from)
        counted.push(r.run.number);
      previous = r.version;
    }
    const df = doraExpected.deploymentFrequency;
    expect(counted).toEqual(df.deploys.map(d => d.run));
    expect(df.count).toBe(counted.length);
    expect(df.perDay).toBeCloseTo(counted.length / doraExpected.days, 12);
    expect(df.perWeek).toBeCloseTo(
      counted.length / (doraExpected.days / 7),
      12,
    );
    for (const d of df.deploys) {
      const i = runs.findIndex(r => r.run.number === d.run);
      const before = runs
        .slice(0, i)
        .filter(r => r.run.result === 'SUCCESS')
        .pop()!;
      expect(before.version).toBe(d.previousVersion);
    }
  });

  it('change failure rate: new-version runs, the failed, the rolled back', async () => {
    const runs = await served();
    const window = doraExpected.failureWindowHours * HOUR;
    const { data: pinCommits } = await octokit.repos.listCommits({
      owner: 'gitops',
      repo: 'config-prod',
      path: 'Chart.yaml',
      per_page: 100,
    });
    const pins = [];
    for (const pc of pinCommits)
      pins.push({
        at: Date.parse(pc.commit.committer!.date!),
        version: await pinOf(pc.sha),
      });
    const older = (a: string, b: string) =>
      a.localeCompare(b, 'en', { numeric: true }) < 0;
    const counted: Array<{ run: number; failed: boolean }> = [];
    let previous: string | undefined;
    for (const r of runs) {
      const isNew = previous !== undefined && r.version !== previous;
      if (isNew && r.end >= from) {
        const rolledBack = pins.some(
          p =>
            p.at > r.end &&
            p.at <= r.end + window &&
            older(p.version, r.version),
        );
        counted.push({
          run: r.run.number,
          failed: r.run.result === 'FAILURE' || rolledBack,
        });
      }
      if (r.run.result === 'SUCCESS') previous = r.version;
    }
    const cfr = doraExpected.changeFailureRate;
    expect(counted.map(x => x.run)).toEqual(cfr.deploys.map(d => d.run));
    expect(counted.map(x => x.failed)).toEqual(
      cfr.deploys.map(d => d.failure !== undefined),
    );
    expect(cfr.failed).toBe(counted.filter(x => x.failed).length);
    expect(cfr.total).toBe(counted.length);
    expect(cfr.rate).toBeCloseTo(cfr.failed / cfr.total, 12);
    // The rollback is a direct push (no pull request) by Carol.
    const rollback = pinCommits.find(pc => pc.sha === configSha('p06'))!;
    expect(rollback.commit.author?.name).toBe('Carol Nguyen');
    expect(rollback.parents).toHaveLength(1);
  });

  it('lead time: each version carries the commits since the previous build commit', async () => {
    const released = codeRuns.filter(r => r.result === 'SUCCESS');
    const lt = doraExpected.leadTime;
    for (const version of new Set(lt.changes.map(ch => ch.version))) {
      const i = released.findIndex(r => r.displayName === version);
      const { data: cmp } = await octokit.repos.compareCommitsWithBasehead({
        owner: 'shop',
        repo: 'orders',
        basehead: `${builtSha(released[i - 1])}...${builtSha(released[i])}`,
      });
      const expected = lt.changes.filter(ch => ch.version === version);
      expect(cmp.commits.map(x => x.sha)).toEqual(
        expected.map(ch => codeSha(ch.commit)),
      );
      expect(cmp.commits.map(x => x.commit.author?.date)).toEqual(
        expected.map(ch => ch.committedAt),
      );
    }
    const runs = await served();
    for (const ch of lt.changes) {
      const first = runs.find(
        r => r.run.result === 'SUCCESS' && r.version === ch.version,
      )!;
      expect(first.run.number).toBe(ch.run);
      expect(iso(first.end)).toBe(ch.runningAt);
      expect(first.end).toBeGreaterThanOrEqual(from);
      expect(ch.leadTimeHours).toBe(
        (Date.parse(ch.runningAt) - Date.parse(ch.committedAt)) / HOUR,
      );
    }
    const hours = lt.changes.map(ch => ch.leadTimeHours).sort((a, b) => a - b);
    expect(hours).toHaveLength(11);
    expect(lt.medianHours).toBe(hours[5]);
    expect(lt.p90Hours).toBe(hours[Math.ceil(0.9 * hours.length) - 1]);
  });

  it('time to restore: each FAILURE run until the next SUCCESS run', async () => {
    const runs = await served();
    const incidents: Array<{ failedRun: number; restoredBy: number }> = [];
    let open: number | undefined;
    for (const r of runs) {
      if (r.run.result === 'FAILURE' && open === undefined) open = r.run.number;
      if (r.run.result === 'SUCCESS' && open !== undefined) {
        incidents.push({ failedRun: open, restoredBy: r.run.number });
        open = undefined;
      }
    }
    const ttr = doraExpected.timeToRestore;
    expect(incidents).toEqual(
      ttr.incidents.map(x => ({
        failedRun: x.failedRun,
        restoredBy: x.restoredBy,
      })),
    );
    for (const x of ttr.incidents) {
      const failed = runs.find(r => r.run.number === x.failedRun)!;
      const restored = runs.find(r => r.run.number === x.restoredBy)!;
      expect(iso(failed.end)).toBe(x.startedAt);
      expect(iso(restored.end)).toBe(x.restoredAt);
      expect(x.restoreHours).toBe((restored.end - failed.end) / HOUR);
    }
    const sorted = ttr.incidents.map(x => x.restoreHours).sort((a, b) => a - b);
    expect(ttr.medianHours).toBe((sorted[0] + sorted[1]) / 2);
  });

  it('the prod drift is visible in the cluster (image 1.0.5, labels 1.0.6)', async () => {
    const res = await fetch(
      `${sb.urls.kubernetes}/apis/apps/v1/namespaces/prod/deployments/orders`,
      { headers: { authorization: `Bearer ${c.kubernetesToken}` } },
    );
    const d = (await res.json()) as {
      metadata: { labels: Record<string, string> };
      spec: { template: { spec: { containers: Array<{ image: string }> } } };
    };
    expect(d.metadata.labels.version).toBe('1.0.6');
    expect(d.spec.template.spec.containers[0].image).toMatch(
      /\/shop\/orders:1\.0\.5$/,
    );
  });
});
