/* eslint-disable no-console */
/**
 * Side-by-side benchmark of the build list (#13 part 4): the Delivery backend's view against
 * the community Jenkins backend (`@backstage-community/plugin-jenkins-backend`), in one run,
 * against the same sandbox code Jenkins and the same multibranch job (branches `master` and
 * `release/1.x`), with 10, 100 and 1,000 builds per branch.
 *
 * Run: `yarn bench:jenkins` from the repository root (not part of the tests). Prints a markdown
 * report; asserts nothing. Env: BENCH_BUILDS (default `10,100,1000`), BENCH_N (rounds, default
 * 20), BENCH_LATENCY_MS (latency added to every code Jenkins request, default 0).
 *
 * Each backend is a test backend of its own Backstage versions: ours with
 * `@backstage/backend-test-utils` ^1.11.7 and catalog-node 3, the community plugin with
 * backend-test-utils 1.11.6 (backend-defaults 0.17) and catalog-node 2.2.5 (its
 * `catalog-node ^2` clashes with our ^3). Both get a fixed catalog (the mock catalog
 * service), mock auth and mock permissions (allow all), and call the sandbox over real HTTP.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
// The benchmark starts the plugin in a test backend, as a backend package would.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import deliveryPlugin from '@gitops-delivery/backstage-plugin-delivery-backend';
import {
  generateWorld,
  randomPorts,
  sandboxCredentials,
  startSandbox,
  type Sandbox,
} from '@gitops-delivery/sandbox';
import {
  mockCredentials as communityCredentials,
  mockServices as communityServices,
  startTestBackend as startCommunityBackend,
} from 'community-backend-test-utils';
import { catalogServiceMock as communityCatalogMock } from 'community-catalog-node/testUtils';
import jenkinsPlugin from '@backstage-community/plugin-jenkins-backend';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const COUNTS = (process.env.BENCH_BUILDS ?? '10,100,1000')
  .split(',')
  .map(Number);
const N = Number(process.env.BENCH_N ?? 20);
/** Latency the sandbox adds to every code Jenkins request (a `latency` fault), default 0. */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);
const PROJECT = 'bench/service-001';
const RELEASE = 'release/1.x';
/** The branch job's name as Jenkins' Branch API names it (in the full name). */
const RELEASE_JOB = encodeURIComponent(RELEASE);

function entity(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:default/bench', lifecycle: 'x' },
  };
}

/** Ours: the build list is the view's `builds` (an entity with only a code job). */
const ours = {
  master: entity('svc-master', {
    'delivery/code-job': `code:${PROJECT}/master`,
  }),
  release: entity('svc-release', {
    'delivery/code-job': `code:${PROJECT}/${RELEASE_JOB}`,
  }),
};
/** The community plugin's annotation: the multibranch project. */
const community = entity('service-001', {
  'jenkins.io/job-full-name': PROJECT,
});

/** The Delivery app-config for the sandbox's code Jenkins (and GitHub, for versions). */
function deliveryConfig(sandbox: Sandbox, ttlSeconds: number) {
  const gh = new URL(sandbox.urls.github);
  return {
    integrations: {
      github: [
        {
          host: gh.host,
          apiBaseUrl: `${sandbox.urls.github}/api/v3`,
          token: sandboxCredentials.githubToken,
        },
      ],
    },
    delivery: {
      cache: { ttlSeconds },
      history: { enabled: false },
      codeJenkins: [
        {
          name: 'code',
          baseUrl: sandbox.urls['jenkins-code'],
          username: sandboxCredentials.codeJenkins.username,
          apiToken: sandboxCredentials.codeJenkins.password,
          timeoutMs: 30_000,
        },
      ],
      environments: [],
    },
  };
}

/** The community plugin's app-config: one default instance, the same code Jenkins. */
function communityConfig(sandbox: Sandbox) {
  return {
    jenkins: {
      instances: [
        {
          name: 'default',
          baseUrl: sandbox.urls['jenkins-code'],
          username: sandboxCredentials.codeJenkins.username,
          apiKey: sandboxCredentials.codeJenkins.password,
        },
      ],
    },
  };
}

const base = (server: Server) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

type Counts = {
  total: number;
  upstreams: Record<string, { total: number; routes: Record<string, number> }>;
};

interface Measured {
  latencies: number[];
  perRequest: Record<string, number>;
  bytes: number;
  status: number;
  body: unknown;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function control(sandbox: Sandbox, method: string, path: string) {
  const text = await (
    await fetch(`${sandbox.urls.control}${path}`, { method })
  ).text();
  return text ? JSON.parse(text) : undefined;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/** One GET; the sandbox's request counter is reset before and read after it. */
async function once(sandbox: Sandbox, t: Target) {
  await control(sandbox, 'DELETE', '/requests');
  const t0 = process.hrtime.bigint();
  const res = await fetch(t.url, { headers: t.headers });
  const text = await res.text();
  const latency = ms(t0);
  const counts = (await control(sandbox, 'GET', '/requests')) as Counts;
  return { latency, counts, status: res.status, text };
}

/**
 * `n` rounds of one GET per target, round-robin (so a change of machine load hits every
 * target alike); latencies and upstream requests per target.
 */
async function measureAll(
  sandbox: Sandbox,
  targets: Target[],
  n = N,
): Promise<Measured[]> {
  const acc = targets.map(() => ({
    latencies: [] as number[],
    upstreams: {} as Record<string, number>,
    last: { status: 0, text: '' },
  }));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < targets.length; k++) {
      const j = (i + k) % targets.length;
      const r = await once(sandbox, targets[j]);
      acc[j].latencies.push(r.latency);
      for (const [u, c] of Object.entries(r.counts.upstreams)) {
        acc[j].upstreams[u] = (acc[j].upstreams[u] ?? 0) + c.total;
      }
      acc[j].last = { status: r.status, text: r.text };
    }
  }
  return acc.map(a => {
    const perRequest: Record<string, number> = {};
    for (const [u, total] of Object.entries(a.upstreams)) {
      if (total) perRequest[u] = total / n;
    }
    let body: unknown;
    try {
      body = JSON.parse(a.last.text);
    } catch {
      body = a.last.text;
    }
    return {
      latencies: a.latencies,
      perRequest,
      bytes: Buffer.byteLength(a.last.text),
      status: a.last.status,
      body,
    };
  });
}

const measure = async (sandbox: Sandbox, t: Target, n = N) =>
  (await measureAll(sandbox, [t], n))[0];

/** GETs a build URL's JSON on the code Jenkins (not counted: after the measurement). */
async function urlWorks(url: string | undefined, number: number) {
  if (!url) return false;
  const c = sandboxCredentials.codeJenkins;
  const res = await fetch(`${url.replace(/\/?$/, '/')}api/json?tree=number`, {
    headers: {
      Authorization: `Basic ${Buffer.from(
        `${c.username}:${c.password}`,
      ).toString('base64')}`,
    },
  });
  return res.ok && ((await res.json()) as { number: number }).number === number;
}

interface Build {
  number: number;
  url?: string;
  displayName?: string;
  version?: string;
}

/** What a response holds: builds, their range, which branches, and whether the URLs work. */
async function describe(
  kind: 'view' | 'projects' | 'job',
  body: unknown,
): Promise<string> {
  const b = body as Record<string, any>;
  let builds: Array<Build & { branch?: string }> = [];
  if (kind === 'view') builds = b.builds ?? [];
  if (kind === 'job') builds = b.build?.builds ?? [];
  if (kind === 'projects') {
    builds = (b.projects ?? [])
      .filter((p: any) => p.lastBuild)
      .map((p: any) => ({ ...p.lastBuild, branch: p.displayName }));
  }
  if (!builds.length) return `no builds (${JSON.stringify(body).slice(0, 80)})`;
  const numbers = builds.map(x => x.number);
  const checks = await Promise.all(
    [builds[0], builds[builds.length - 1]].map(x => urlWorks(x.url, x.number)),
  );
  const versions = builds.filter(x => x.version).length;
  const what =
    kind === 'projects'
      ? builds.map(x => `${x.branch} #${x.number}`).join(', ')
      : `${builds.length} builds #${Math.max(...numbers)}..#${Math.min(
          ...numbers,
        )}`;
  const extra: Record<typeof kind, string> = {
    view: `, ${versions} with a version`,
    job: `, job ${b.build?.displayName} (${b.build?.fullName})`,
    projects: '',
  };
  return `${what}${extra[kind]}; URLs ${
    checks.every(Boolean) ? 'work' : 'BROKEN'
  }`;
}

/** Set when the community plugin asked Jenkins for a branch job encoded twice. */
let doubleEncoded = false;

/**
 * Every build of a job through Delivery: the view's newest page, then
 * `/builds?offset=` pages of 50 until `hasMore` is false (uncached backend).
 */
async function wholeHistory(
  sandbox: Sandbox,
  builds: number,
  scenario: string,
  viewUrl: string,
  headers: Record<string, string>,
): Promise<string> {
  await control(sandbox, 'DELETE', '/requests');
  const t0 = process.hrtime.bigint();
  const numbers = new Set<number>();
  let pages = 0;
  for (let offset = 0; ; offset += 50) {
    const res = await fetch(`${viewUrl}/builds?offset=${offset}&limit=50`, {
      headers,
    });
    const page = (await res.json()) as {
      builds: Array<{ number: number }>;
      hasMore: boolean;
    };
    pages++;
    for (const b of page.builds) numbers.add(b.number);
    if (!page.hasMore) break;
  }
  const elapsed = ms(t0);
  const counts = (await control(sandbox, 'GET', '/requests')) as Counts;
  const jenkins = counts.upstreams['jenkins-code']?.total ?? 0;
  return `| ${builds} | ${scenario} | ${
    numbers.size
  } | ${pages} | ${jenkins} | ${counts.total} | ${elapsed.toFixed(0)} |`;
}

async function runCount(
  builds: number,
  rows: string[],
  notes: string[],
  history: string[],
) {
  const sandbox = await startSandbox({
    world: generateWorld({
      services: 1,
      buildsPerService: builds,
      environments: [],
      branches: [{ name: RELEASE, builds }],
    }),
    ports: randomPorts,
  });
  const backends: Array<{ stop(): Promise<void> }> = [];
  try {
    if (LATENCY_MS > 0) {
      const res = await fetch(`${sandbox.urls.control}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          upstream: 'jenkins-code',
          kind: 'latency',
          latencyMs: LATENCY_MS,
        }),
      });
      if (!res.ok) throw new Error(`latency fault: HTTP ${res.status}`);
    }
    const start = (ttlSeconds: number) =>
      startTestBackend({
        features: [
          deliveryPlugin,
          catalogServiceMock.factory({
            entities: [ours.master, ours.release],
          }),
          mockServices.rootConfig.factory({
            data: deliveryConfig(sandbox, ttlSeconds),
          }),
        ],
      });
    const cold = await start(0);
    const warm = await start(600);
    const comm = await startCommunityBackend({
      features: [
        jenkinsPlugin,
        communityCatalogMock.factory({ entities: [community] }),
        communityServices.rootConfig.factory({
          data: communityConfig(sandbox),
        }),
      ],
    });
    backends.push(cold, warm, comm);
    const oursHeaders = { Authorization: mockCredentials.user.header() };
    const commHeaders = { Authorization: communityCredentials.user.header() };
    const view = (server: Server, e: Entity) =>
      `${base(server)}/api/delivery/entities/default/component/${
        e.metadata.name
      }`;
    const projects = `${base(
      comm.server,
    )}/api/jenkins/v1/entity/default/component/service-001/projects`;
    const job = (fullName: string) =>
      `${base(
        comm.server,
      )}/api/jenkins/v1/entity/default/component/service-001/job/${encodeURIComponent(
        fullName,
      )}`;

    const row = async (
      scenario: string,
      who: string,
      kind: 'view' | 'projects' | 'job',
      m: Measured,
    ) => {
      const reqs = Object.entries(m.perRequest)
        .map(([u, n]) => `${n % 1 ? n.toFixed(2) : n} ${u}`)
        .join(' + ');
      const returned =
        m.status === 200
          ? await describe(kind, m.body)
          : `HTTP ${m.status}: ${String(
              (m.body as any)?.error?.message ?? JSON.stringify(m.body),
            )
              .replace(/http:\/\/127\.0\.0\.1:\d+/g, '')
              .replace(/\?tree=[\s\S]*/, '')
              .slice(0, 160)}`;
      if (returned.includes('%25252F')) doubleEncoded = true;
      rows.push(
        `| ${builds} | ${scenario} | ${who} | ${pct(m.latencies, 50).toFixed(
          1,
        )} | ${pct(m.latencies, 95).toFixed(1)} | ${reqs || '0'} | ${(
          m.bytes / 1024
        ).toFixed(1)} | ${returned} |`,
      );
    };

    for (const [scenario, e, branchJob] of [
      ['master', ours.master, 'master'],
      [RELEASE, ours.release, RELEASE_JOB],
    ] as const) {
      const filter =
        scenario === RELEASE ? `?branch=${encodeURIComponent(RELEASE)}` : '';
      const targets: Array<{
        who: string;
        kind: 'view' | 'projects' | 'job';
        target: Target;
      }> = [
        {
          who: 'Delivery view, cold (no cache)',
          kind: 'view',
          target: { url: view(cold.server, e), headers: oursHeaders },
        },
        {
          who: 'Delivery view, warm (cache)',
          kind: 'view',
          target: { url: view(warm.server, e), headers: oursHeaders },
        },
        {
          who: 'Delivery builds, older page (`/builds?offset=50&limit=50`, no cache)',
          kind: 'view',
          target: {
            url: `${view(cold.server, e)}/builds?offset=50&limit=50`,
            headers: oursHeaders,
          },
        },
        {
          who: `community /projects${filter} (CI/CD tab)`,
          kind: 'projects',
          target: { url: `${projects}${filter}`, headers: commHeaders },
        },
        {
          who: 'community /job/:jobFullName (job builds)',
          kind: 'job',
          target: {
            url: job(`${PROJECT}/${branchJob}`),
            headers: commHeaders,
          },
        },
      ];
      // one throwaway round, so every backend's first-call setup (and the warm cache's
      // first load) is out of the figures
      await measureAll(
        sandbox,
        targets.map(t => t.target),
        1,
      );
      const measured = await measureAll(
        sandbox,
        targets.map(t => t.target),
      );
      for (const [i, t] of targets.entries()) {
        await row(scenario, t.who, t.kind, measured[i]);
      }
      history.push(
        await wholeHistory(
          sandbox,
          builds,
          scenario,
          view(cold.server, e),
          oursHeaders,
        ),
      );
    }

    // What a whole-history read would cost on this Jenkins (not the view's API): the fields our
    // listBuilds asks for (delivery-backend src/upstreams/jenkins/schema.ts buildsTree, with
    // changeSets), over `builds{0,50}` as today, over `allBuilds`, and one page of `allBuilds` further back.
    const c = sandboxCredentials.codeJenkins;
    const auth = {
      Authorization: `Basic ${Buffer.from(
        `${c.username}:${c.password}`,
      ).toString('base64')}`,
    };
    const fields =
      'number,url,result,building,timestamp,duration,displayName,description,actions[_class,parameters[name,value],lastBuiltRevision[SHA1,branch[name]],remoteUrls],changeSets[items[commitId,msg,timestamp,author[fullName]]]';
    const direct = `${sandbox.urls['jenkins-code']}/job/bench/job/service-001/job/master/api/json?tree=`;
    for (const [what, tree, key] of [
      [
        '`builds[...]{0,50}` (the view today)',
        `builds[${fields}]{0,50}`,
        'builds',
      ],
      ['`allBuilds[...]` (whole history)', `allBuilds[${fields}]`, 'allBuilds'],
      [
        '`allBuilds[...]{50,100}` (a second page of 50)',
        `allBuilds[${fields}]{50,100}`,
        'allBuilds',
      ],
    ] as const) {
      const m = await measure(sandbox, {
        url: `${direct}${encodeURIComponent(tree)}`,
        headers: auth,
      });
      const got = ((m.body as Record<string, unknown[]>)[key] ?? []).length;
      notes.push(
        `| ${builds} | ${what} | ${got} | ${pct(m.latencies, 50).toFixed(
          1,
        )} | ${pct(m.latencies, 95).toFixed(1)} | ${(m.bytes / 1024).toFixed(
          1,
        )} |`,
      );
    }
  } finally {
    for (const b of backends.reverse()) await b.stop().catch(() => {});
    await sandbox.stop();
  }
}

async function main() {
  const rows: string[] = [];
  const notes: string[] = [];
  const history: string[] = [];
  const started = Date.now();
  for (const builds of COUNTS) await runCount(builds, rows, notes, history);
  const [load] = (await import('node:fs'))
    .readFileSync('/proc/loadavg', 'utf8')
    .split('\n');
  console.log(`## Build list: Delivery vs the community Jenkins backend

Same run, same sandbox code Jenkins, job \`${PROJECT}\` (multibranch: \`master\` and \`${RELEASE}\`,
each built N times; every 7th run fails). ${N} rounds of one request per row (round-robin, sequential,
loopback HTTP) after one throwaway round; upstream requests counted by the sandbox (control
\`/requests\`, reset before each request). Injected code Jenkins latency: ${LATENCY_MS} ms.
Ours: the \`builds\` of \`GET /api/delivery/entities/...\` (an entity with only \`delivery/code-job\`).
Community: \`@backstage-community/plugin-jenkins-backend\` 0.31.0, entity annotated
\`jenkins.io/job-full-name: ${PROJECT}\`.

| builds | branch | backend / route | p50 ms | p95 ms | upstream req / request | KiB | returns |
| --: | --- | --- | --: | --: | --- | --: | --- |
${rows.join('\n')}

${
  doubleEncoded
    ? `The community \`/job/:jobFullName\` route fails for \`${RELEASE}\`: given the job's \`fullName\`
(\`${PROJECT}/${RELEASE_JOB}\`, as its frontend sends it) it encodes each segment and its Jenkins client
encodes them again, so Jenkins is asked for \`release%25252F1.x\` (404; one decode gives \`release%252F1.x\`).
`
    : ''
}
The whole history through Delivery: \`GET .../builds?offset=&limit=50\` page after page until
\`hasMore\` is false (no cache; each build joined to commit and version as in the view):

| builds | branch | builds returned | pages | code Jenkins requests | all upstream requests | total ms |
| --: | --- | --: | --: | --: | --: | --: |
${history.join('\n')}

One request straight to the code Jenkins, ${N} times, \`master\` job (what one whole-history
request would cost):

| builds | tree | builds returned | p50 ms | p95 ms | KiB |
| --: | --- | --: | --: | --: | --: |
${notes.join('\n')}

Node ${process.version}, ${Math.round(
    (Date.now() - started) / 1000,
  )} s, load average (1/5/15 min) after the run: ${load}.`);
}

main().then(
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
