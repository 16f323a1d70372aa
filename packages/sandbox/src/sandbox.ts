import express, { type RequestHandler } from 'express';
import { createGitHubApp } from './github';
import {
  createUpstreamApp,
  FaultRegistry,
  listen,
  RequestCounter,
  type ListeningServer,
} from './http';
import { createJenkinsApp } from './jenkins';
import { createNexusApp } from './nexus';
import { createChartMuseumApp } from './chartmuseum';
import { createKubernetesApp } from './kubernetes';
import { createControlApp } from './control';
import { SandboxEngine } from './engine';
import {
  GitHubWebhooks,
  notifyRun,
  webhookControlRoutes,
  WebhookSender,
  type WebhookTarget,
} from './webhooks';
import {
  loadDefaultWorld,
  loadWorldFile,
  relativeWorld,
  worldToSeeds,
  type World,
} from './world';

/** The simulated upstream systems. @public */
export const upstreams = [
  'jenkins-code',
  'jenkins-deploy',
  'nexus',
  'chartmuseum',
  'github',
  'kubernetes',
] as const;
/** @public */
export type Upstream = (typeof upstreams)[number];
/** @public */
export type SandboxServer = Upstream | 'control';

/** Default ports (all on 127.0.0.1). @public */
export const defaultPorts: Record<SandboxServer, number> = {
  control: 7100,
  'jenkins-code': 7101,
  'jenkins-deploy': 7102,
  nexus: 7103,
  chartmuseum: 7104,
  github: 7105,
  kubernetes: 7106,
};

/** Every server on a free port (for tests): `startSandbox({ ports: randomPorts })`. @public */
export const randomPorts: Record<SandboxServer, number> = {
  control: 0,
  'jenkins-code': 0,
  'jenkins-deploy': 0,
  nexus: 0,
  chartmuseum: 0,
  github: 0,
  kubernetes: 0,
};

/** Demo credentials of every upstream. @public */
export const sandboxCredentials = {
  codeJenkins: { username: 'code-ci', password: 'code-jenkins-token' },
  deployJenkins: { username: 'deploy-ci', password: 'deploy-jenkins-token' },
  nexus: { username: 'nexus-reader', password: 'nexus-password' },
  chartMuseum: { username: 'chart-reader', password: 'chart-password' },
  githubToken: 'sandbox-github-token',
  kubernetesToken: 'sandbox-k8s-token',
} as const;

/** Options of {@link startSandbox}. @public */
export interface SandboxOptions {
  /**
   * A world, the path of a world file, or a bundled world's name (`stakater` ->
   * worlds/stakater.yaml). Default: worlds/default.yaml.
   */
  world?: World | string;
  /**
   * The clock the world is relative to (default: the time the sandbox starts). Every date of
   * the world is moved by one whole-minute offset so that its newest event happened one hour
   * before `now`; pin it (tests) to get the same dates and git shas on every start.
   */
  now?: Date | number | string;
  /** false: keep the world's dates as written (no shift). Default true. */
  relativeTime?: boolean;
  /** Port per server; 0 picks a free one (tests). */
  ports?: Partial<Record<SandboxServer, number>>;
  host?: string;
  /** Overrides the world's deploy/build delays (tests use 0-50 ms). */
  deployDelayMs?: number;
  buildDelayMs?: number;
  /** Webhook targets (more through `POST /webhooks` on the control API). */
  webhooks?: WebhookTarget[];
}

/** A running sandbox. @public */
export interface Sandbox {
  urls: Record<SandboxServer, string>;
  engine: SandboxEngine;
  faults: FaultRegistry;
  counter: RequestCounter;
  /** The webhooks it sends (targets and deliveries). */
  webhooks: WebhookSender;
  stop(): Promise<void>;
}

/** Starts every upstream simulator plus the control API. @public */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<Sandbox> {
  const written =
    typeof options.world === 'string'
      ? loadWorldFile(options.world)
      : options.world ?? loadDefaultWorld();
  const now =
    options.now === undefined ? Date.now() : new Date(options.now).getTime();
  if (Number.isNaN(now))
    throw new Error(`startSandbox: invalid now ${String(options.now)}`);
  const world =
    options.relativeTime === false ? written : relativeWorld(written, now);
  const host = options.host ?? '127.0.0.1';
  const faults = new FaultRegistry();
  const counter = new RequestCounter();
  const handlers: Partial<Record<SandboxServer, RequestHandler>> = {};
  const notReady: RequestHandler = (_req, res) => {
    res.status(503).send('starting');
  };
  const servers: Partial<Record<SandboxServer, ListeningServer>> = {};
  const urls = {} as Record<SandboxServer, string>;
  try {
    for (const name of ['control', ...upstreams] as SandboxServer[]) {
      const app =
        name === 'control'
          ? express().use((req, res, next) =>
              (handlers.control ?? notReady)(req, res, next),
            )
          : createUpstreamApp(
              name,
              { faults, counter },
              () => handlers[name] ?? notReady,
            );
      const port = options.ports?.[name] ?? defaultPorts[name];
      servers[name] = await listen(app, port, host);
      urls[name] = servers[name]!.url;
    }
  } catch (e) {
    await Promise.all(Object.values(servers).map(s => s.close()));
    throw e;
  }
  const render = {
    chartRepoUrl: urls.chartmuseum,
    registryHost: urls.nexus.replace(/^https?:\/\//, ''),
  };
  const ref: { engine?: SandboxEngine; hooks?: GitHubWebhooks } = {};
  const webhooks = new WebhookSender(options.webhooks);
  const hookFailed = (err: unknown): void => {
    ref.engine?.events.add('error', {
      message: `webhook: ${err instanceof Error ? err.message : String(err)}`,
    });
  };
  let github: Awaited<ReturnType<typeof createGitHubApp>>;
  let e: SandboxEngine;
  try {
    github = await createGitHubApp({
      seeds: worldToSeeds(world, render),
      token: sandboxCredentials.githubToken,
      baseUrl: urls.github,
      onPullMerged: ev => {
        if (ref.hooks)
          webhooks.track(ref.hooks.pullMerged(ev).catch(hookFailed));
        ref.engine?.onPullMerged(ev);
      },
      onRepoChanged: ev => {
        if (ref.hooks)
          webhooks.track(ref.hooks.repoChanged(ev).catch(hookFailed));
        ref.engine?.onRepoChanged(ev);
      },
    });
    e = new SandboxEngine({
      world,
      store: github.store,
      ...render,
      deployDelayMs: options.deployDelayMs,
      buildDelayMs: options.buildDelayMs,
      now,
      onJenkinsRun: (jenkins, phase, job, run) =>
        notifyRun(webhooks, urls[jenkins], phase, job, run),
    });
    ref.hooks = new GitHubWebhooks({
      sender: webhooks,
      store: github.store,
      apiBaseUrl: () => `${urls.github}/api/v3`,
      token: sandboxCredentials.githubToken,
      branches: [
        ...world.environments.map(x => ({
          owner: x.configRepo.owner,
          repo: x.configRepo.name,
          branch: x.configRepo.branch,
        })),
      ],
    });
  } catch (err) {
    await Promise.all(Object.values(servers).map(s => s.close()));
    throw err;
  }
  ref.engine = e;
  handlers.github = github.app;
  handlers['jenkins-code'] = createJenkinsApp({
    state: () => e.generation.code,
    credentials: sandboxCredentials.codeJenkins,
    baseUrl: () => urls['jenkins-code'],
  });
  handlers['jenkins-deploy'] = createJenkinsApp({
    state: () => e.generation.deploy,
    credentials: sandboxCredentials.deployJenkins,
    baseUrl: () => urls['jenkins-deploy'],
  });
  handlers.nexus = createNexusApp({
    state: () => e.generation.nexus,
    credentials: sandboxCredentials.nexus,
    baseUrl: () => urls.nexus,
  });
  handlers.chartmuseum = createChartMuseumApp({
    state: () => e.generation.charts,
    credentials: sandboxCredentials.chartMuseum,
  });
  handlers.kubernetes = createKubernetesApp({
    state: () => e.generation.k8s,
    token: sandboxCredentials.kubernetesToken,
  });
  const control = createControlApp({
    engine: () => e,
    faults,
    counter,
    urls: () => urls,
    upstreams: [...upstreams],
  });
  const hookRoutes = webhookControlRoutes(webhooks, () => ref.hooks!.prime());
  handlers.control = express().use(hookRoutes).use(control);
  await ref.hooks.prime();
  return {
    urls,
    engine: e,
    faults,
    counter,
    webhooks,
    stop: async () => {
      e.stop();
      await Promise.all(Object.values(servers).map(s => s.close()));
    },
  };
}
