import http, { RequestListener } from 'http';
import type { AddressInfo } from 'net';
import { Octokit } from '@octokit/rest';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { createGitHubApp } from '@gitops-delivery/sandbox';
import type { GitHubRepoSeed, GitHubStore } from '@gitops-delivery/sandbox';

type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
type JsonObject = { [key: string]: JsonValue | undefined };

export const TOKEN = 'sandbox-github-token';
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** requirements.yaml of the seeded dev config repo (comments must survive edits). */
export const DEV_REQUIREMENTS = `# Pinned charts of the dev environment
dependencies:
  # the exposer
  - name: xposer
    version: v0.0.20
    repository: http://127.0.0.1:7104
    alias: xposer
`;

/** Chart.yaml (Helm v2) of the seeded prod config repo. */
export const PROD_CHART = `apiVersion: v2
name: config-prod
description: Umbrella chart of prod
version: 0.1.0
dependencies:
- name: xposer
  version: v0.0.18 # pinned by promotion
  repository: "http://127.0.0.1:7104"
  alias: xposer
`;

/** Seeds: the code org with xposer, config repos for dev (v1) and prod (v2), an empty qa repo. */
export function seeds(): GitHubRepoSeed[] {
  const at = (d: number) => `2024-01-0${d}T10:00:00Z`;
  return [
    {
      owner: 'stakater',
      name: 'xposer',
      defaultBranch: 'master',
      commits: [
        {
          message: 'Initial',
          date: at(1),
          files: { 'README.md': '# xposer\n' },
        },
      ],
    },
    {
      owner: 'gitops',
      name: 'config-dev',
      commits: [
        {
          message: 'dev',
          date: at(2),
          files: {
            'Chart.yaml': 'apiVersion: v1\nname: config-dev\nversion: 0.1.0\n',
            'requirements.yaml': DEV_REQUIREMENTS,
            'xposer.yaml':
              'xposer:\n  xposer:\n    image:\n      tag: v0.0.20\n',
          },
        },
      ],
    },
    {
      owner: 'gitops',
      name: 'config-prod',
      commits: [
        {
          message: 'prod',
          date: at(3),
          files: { 'Chart.yaml': PROD_CHART, 'xposer.yaml': 'xposer: {}\n' },
        },
      ],
    },
    { owner: 'gitops', name: 'config-qa', commits: [] },
  ];
}

/** A running sandbox GitHub plus config and integrations pointing at it. */
export interface Sandbox {
  host: string;
  baseUrl: string;
  octokit: Octokit;
  store: GitHubStore;
  config: ConfigReader;
  integrations: ScmIntegrations;
  /** Number of repositories in the store. */
  repoCount(): number;
  /** Number of HTTP requests the simulator received so far. */
  requestCount(): number;
  close(): Promise<void>;
}

export async function startSandbox(
  seedRepos: GitHubRepoSeed[] = seeds(),
): Promise<Sandbox> {
  let handler: RequestListener = (_req, res) => res.end();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const baseUrl = `http://${host}`;
  const { app, store } = await createGitHubApp({
    seeds: seedRepos,
    token: TOKEN,
    baseUrl,
  });
  handler = app;
  const env = (name: string, extra: JsonObject = {}) => ({
    name,
    configRepo: `${baseUrl}/gitops/config-${name}`,
    branch: 'main',
    deployJob: `deploy:deploy/config-${name}`,
    ...extra,
  });
  const config = new ConfigReader({
    integrations: {
      github: [{ host, apiBaseUrl: `${baseUrl}/api/v3`, token: TOKEN }],
    },
    delivery: {
      scaffolder: {
        allowedOwners: ['stakater', 'gitops'],
        dockerRegistry: '127.0.0.1:7103',
        chartRepositoryUrl: 'http://127.0.0.1:7104',
      },
      codeJenkins: [
        {
          name: 'code',
          baseUrl: 'http://127.0.0.1:7101',
          username: 'code-ci',
          apiToken: 'code-jenkins-token',
        },
      ],
      nexus: [
        {
          name: 'default',
          baseUrl: 'http://127.0.0.1:7103',
          repository: 'docker-hosted',
          username: 'nexus-reader',
          password: 'nexus-password',
        },
      ],
      chartMuseum: [
        {
          name: 'default',
          baseUrl: 'http://127.0.0.1:7104',
          username: 'chart-reader',
          password: 'chart-password',
        },
      ],
      environments: [
        env('dev'),
        env('qa'),
        env('prod', { requirementsPath: 'Chart.yaml', promotesFrom: 'qa' }),
        env('staging'),
      ],
    },
  });
  return {
    host,
    baseUrl,
    octokit: new Octokit({
      baseUrl: `${baseUrl}/api/v3`,
      auth: TOKEN,
      log: quiet,
    }),
    store,
    config,
    integrations: ScmIntegrations.fromConfig(config),
    repoCount: () =>
      (store as unknown as { repos: Map<string, unknown> }).repos.size,
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(e => (e ? reject(e) : resolve())),
      ),
  };
}

/** Checkpoint state that survives "restarts": what the scaffolder persists per task. */
export class Checkpoints {
  readonly saved = new Map<string, JsonValue>();
  /** Key whose next run crashes: 'before' its fn, or 'after' its fn ran but before saving. */
  crash?: { key: RegExp; when: 'before' | 'after' };

  checkpoint = async <T extends JsonValue | void>(opts: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T> => {
    if (this.saved.has(opts.key)) return this.saved.get(opts.key) as T;
    const crash =
      this.crash && this.crash.key.test(opts.key) ? this.crash : undefined;
    if (crash) this.crash = undefined;
    if (crash?.when === 'before') throw new Error(`crash before ${opts.key}`);
    const value = await opts.fn();
    if (crash?.when === 'after') throw new Error(`crash after ${opts.key}`);
    this.saved.set(opts.key, (value ?? {}) as JsonValue);
    return value;
  };
}

/** A mock action context with persistent checkpoints and a recorded logger. */
export function actionContext<I extends JsonObject>(
  input: I,
  checkpoints = new Checkpoints(),
  taskId = 'task-1',
): ActionContext<I> & { outputs: Record<string, JsonValue>; logs: string[] } {
  const outputs: Record<string, JsonValue> = {};
  const logs: string[] = [];
  const base = createMockActionContext<I>({ input });
  const record = (level: string) => (message: string, meta?: unknown) => {
    logs.push(`${level} ${message} ${JSON.stringify(meta ?? {})}`);
  };
  const logger = {
    ...base.logger,
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
    child: () => logger,
  } as unknown as ActionContext<I>['logger'];
  return Object.assign(base, {
    logger,
    task: { id: taskId },
    checkpoint: checkpoints.checkpoint as ActionContext<I>['checkpoint'],
    output: (name: string, value: JsonValue) => {
      outputs[name] = value;
    },
    outputs,
    logs,
  });
}

/** Runs an action's handler with a test context (inputs are validated by the handler itself). */
export function run(
  action: { handler: (ctx: never) => Promise<void> },
  ctx: ReturnType<typeof actionContext>,
): Promise<void> {
  return action.handler(ctx as never);
}

/**
 * Starts a fresh sandbox before each test of the enclosing `describe` and closes it after.
 * The returned object always reads through to the current test's sandbox.
 */
export function useSandbox(seedRepos?: GitHubRepoSeed[]): Sandbox {
  let current: Sandbox | undefined;
  beforeEach(async () => {
    current = await startSandbox(seedRepos);
  });
  afterEach(async () => {
    const sb = current;
    current = undefined;
    await sb?.close();
  });
  const sb = (): Sandbox => {
    if (!current)
      throw new Error('the sandbox is only available inside a test');
    return current;
  };
  return {
    get host() {
      return sb().host;
    },
    get baseUrl() {
      return sb().baseUrl;
    },
    get octokit() {
      return sb().octokit;
    },
    get store() {
      return sb().store;
    },
    get config() {
      return sb().config;
    },
    get integrations() {
      return sb().integrations;
    },
    repoCount: () => sb().repoCount(),
    requestCount: () => sb().requestCount(),
    close: () => sb().close(),
  };
}
