import { parse } from 'yaml';
import {
  randomPorts,
  sandboxCredentials,
  startSandbox,
  type Sandbox,
} from '../sandbox';
import { expandHistory } from './expandHistory';
import { generateWorld } from './generate';
import { versionsBelow } from './historyVersions';
import { loadDefaultWorld, loadWorldFile, parseWorld } from './loader';
import { oldestEvent } from './relativeTime';
import { pinsByCommit } from './derive';
import type { World } from './types';

const DAY = 24 * 3600_000;

describe('versionsBelow', () => {
  it.each([
    ['1.0.44', 3, ['1.0.41', '1.0.42', '1.0.43']],
    ['v2.2.0', 2, ['v2.1.0', 'v2.1.1']],
    ['v1.0.1', 2, ['v0.1.1', 'v0.1.2']],
    ['0.0.7', 50, ['0.0.1', '0.0.2', '0.0.3', '0.0.4', '0.0.5', '0.0.6']],
    ['0.0.3', 3, ['0.0.1', '0.0.2']],
    ['latest', 3, []],
  ])('%s, %d -> %j', (oldest, count, expected) => {
    expect(versionsBelow(oldest, count)).toEqual(expected);
  });
});

/** Every run, its result and the pins its commit deploys, per environment, oldest first. */
const runsOf = (w: World, env: string) => {
  const e = w.environments.find(x => x.name === env)!;
  const pins = pinsByCommit(e);
  return e.deploys.map(d => ({ ...d, pins: pins.get(d.commit)! }));
};

describe('the demo world: the default world with six months of history', () => {
  const demo = loadWorldFile('demo');
  const base = loadDefaultWorld();
  const present = oldestEvent(base)!;

  it('keeps the default world as its present, after the history', () => {
    for (const e of base.environments) {
      const d = demo.environments.find(x => x.name === e.name)!;
      expect(d.commits.slice(-e.commits.length)).toEqual(e.commits);
      expect(
        d.deploys.slice(-e.deploys.length).map(r => ({ ...r, number: 0 })),
      ).toEqual(e.deploys.map(r => ({ ...r, number: 0 })));
      expect(d.drift).toEqual(e.drift);
      expect(d.pulls).toEqual(e.pulls);
    }
    for (const s of base.services) {
      const d = demo.services.find(x => x.name === s.name)!;
      expect(d.commits.slice(-s.commits.length)).toEqual(s.commits);
      expect(d.artifacts).toEqual(s.artifacts);
      expect(d.branches).toEqual(s.branches);
      // Jenkins numbers the world's own runs after the history's.
      const shift = d.builds.length - s.builds.length;
      expect(d.builds.slice(-s.builds.length)).toEqual(
        s.builds.map(b => ({ ...b, number: b.number + shift })),
      );
    }
    expect(demo.history).toBeUndefined();
  });

  it('has about six months of builds, pins and deploys before it, with failures, rollbacks and re-syncs', () => {
    const historyFrom = oldestEvent(demo)!;
    expect((present - historyFrom) / DAY).toBeGreaterThan(170);
    const prod = runsOf(demo, 'prod').filter(
      r => Date.parse(r.timestamp) < present,
    );
    expect(prod.length).toBeGreaterThan(50);
    expect(prod.filter(r => r.result === 'FAILURE').length).toBeGreaterThan(2);
    // a rollback: a prod commit pinning a release to the version before its current one
    const e = demo.environments.find(x => x.name === 'prod')!;
    const rollbacks = e.commits.filter(c => c.message.startsWith('Roll back'));
    expect(rollbacks.length).toBeGreaterThan(0);
    // a re-sync: two SUCCESS runs of the same commit in a row
    const resyncs = prod.filter(
      (r, i) =>
        i > 0 &&
        r.commit === prod[i - 1].commit &&
        prod[i - 1].result === 'SUCCESS',
    );
    expect(resyncs.length).toBeGreaterThan(0);
    const merged = e.commits.filter(c => c.pull);
    expect(merged.length).toBeGreaterThan(30);
    expect(new Set(merged.map(c => c.pull!.mergedBy))).toEqual(
      new Set(['alice', 'bob', 'carol']),
    );
    expect(
      e.commits.filter(c => !c.pull && !c.message.startsWith('Roll back'))
        .length,
    ).toBeGreaterThan(3);
    for (const s of demo.services) {
      const failed = s.builds.filter(
        b => b.result === 'FAILURE' && Date.parse(b.timestamp) < present,
      );
      expect([s.name, failed.length > 0]).toEqual([s.name, true]);
    }
  });

  it('is the same on every load (seeded) and another seed gives another history', () => {
    expect(loadWorldFile('demo')).toEqual(demo);
    const text = (seed: number) =>
      `extends: default\nname: other\nhistory: { months: 2, seed: ${seed} }\n`;
    const a = parseWorld(text(1));
    expect(parseWorld(text(1))).toEqual(a);
    expect(parseWorld(text(2)).environments[2].deploys).not.toEqual(
      a.environments[2].deploys,
    );
  });
});

describe('generateWorld({ history })', () => {
  it('adds history before the generated present; without it nothing changes', () => {
    const plain = generateWorld({ services: 2, buildsPerService: 3 });
    const withHistory = generateWorld({
      services: 2,
      buildsPerService: 3,
      history: { months: 1, seed: 7 },
    });
    expect(plain.services[0].builds).toHaveLength(3);
    const s = withHistory.services[0];
    expect(s.builds.length).toBeGreaterThan(3);
    expect(s.builds.slice(-3).map(b => b.version)).toEqual(
      plain.services[0].builds.map(b => b.version),
    );
    const prod = withHistory.environments[2];
    expect(prod.commits.length).toBeGreaterThan(2);
    expect(prod.commits[prod.commits.length - 1].pins).toEqual(
      plain.environments[2].commits[0].pins,
    );
    expect(expandHistory(withHistory)).toBe(withHistory);
  });
});

describe('history errors', () => {
  it('names what is wrong', () => {
    expect(() =>
      parseWorld(
        'extends: default\nhistory: { months: 0, releasesPerWeek: -1 }\n',
      ),
    ).toThrow(/history\.months: .*\n.*history\.releasesPerWeek/);
    expect(() => parseWorld('extends: nowhere-world\n')).toThrow(
      /extends: no world nowhere-world/,
    );
    const pullWithoutPin = `extends: default
environments:
  - name: dev
    namespace: dev
    configRepo: { owner: gitops, name: config-dev }
    deployJob: deploy/config-dev
    commits:
      - { id: a, message: init, date: '2020-01-01T00:00:00Z', pins: { xposer: 0.0.7 } }
      - { id: b, message: two, date: '2020-01-02T00:00:00Z', pins: { xposer: 0.0.8, gateway: v2.2.0 }, pull: { mergedBy: bob, openedAt: '2020-01-03T00:00:00Z' } }
`;
    expect(() => parseWorld(pullWithoutPin)).toThrow(
      /environments\[0\]\.commits\[1\]\.pull\.branch: required when the commit does not change exactly one pin\n.*pull\.openedAt: after the merge/,
    );
  });
});

describe('the demo world over HTTP', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({
      world: 'demo',
      ports: randomPorts,
      deployDelayMs: 20,
      buildDelayMs: 20,
    });
  });
  afterAll(() => sb.stop());
  const c = sandboxCredentials;
  const deployAuth = `Basic ${Buffer.from(
    `${c.deployJenkins.username}:${c.deployJenkins.password}`,
  ).toString('base64')}`;
  const gh = (path: string) =>
    fetch(`${sb.urls.github}/api/v3${path}`, {
      headers: { authorization: `token ${c.githubToken}` },
    });

  it('serves the history: prod runs, merged PRs, the Chart.yaml history paged', async () => {
    const res = await fetch(
      `${sb.urls['jenkins-deploy']}/job/deploy/job/config-prod/api/json?tree=allBuilds[number,result]`,
      { headers: { authorization: deployAuth } },
    );
    const runs = (
      (await res.json()) as {
        allBuilds: Array<{ number: number; result: string }>;
      }
    ).allBuilds;
    expect(runs.length).toBe(sb.engine.world.environments[2].deploys.length);
    const closed = await gh(
      '/repos/gitops/config-prod/pulls?state=closed&per_page=100',
    );
    const pulls = (await closed.json()) as Array<{
      number: number;
      merged_at: string | null;
    }>;
    expect(pulls.length).toBeGreaterThan(30);
    expect(pulls.every(p => p.merged_at !== null)).toBe(true);
    const history = await gh(
      '/repos/gitops/config-prod/commits?path=Chart.yaml&per_page=30',
    );
    expect(history.headers.get('link')).toMatch(/rel="next"/);
    // the present head is the default world's
    const head = await gh('/repos/gitops/config-prod/contents/Chart.yaml');
    const chart = parse(
      Buffer.from(
        ((await head.json()) as { content: string }).content,
        'base64',
      ).toString(),
    ) as { dependencies: Array<{ alias: string; version: string }> };
    expect(
      Object.fromEntries(chart.dependencies.map(d => [d.alias, d.version])),
    ).toEqual({
      xposer: '0.0.19',
      'nordmart-review': '1.0.48',
      gateway: 'v2.2.0',
    });
  });
});
