import type { IncomingMessage } from 'node:http';
import { Octokit } from '@octokit/rest';
import { createGitHubApp } from '../github/app';
import type {
  GitHubAppOptions,
  GitHubRepoSeed,
  GitHubStore,
  PullMergedEvent,
} from '../github/types';
import {
  createUpstreamApp,
  FaultRegistry,
  listen,
  RequestCounter,
  type FaultSpec,
} from '../http';
import { testSeeds } from './githubSeeds';

/** The token the test GitHub accepts (`Authorization: token …`). @public */
export const TEST_GITHUB_TOKEN = 'sandbox-github-token';

const noop = () => {};
/** Octokit logs every failed request with console.error; tests expect failures. */
const quiet = { debug: noop, info: noop, warn: noop, error: noop };

/**
 * The sandbox GitHub alone, on 127.0.0.1 and a free port, with the sandbox's
 * fault injection and request counting in front of it. @public
 */
export interface TestGitHub {
  /** `127.0.0.1:<port>`: the `integrations.github[].host`. */
  host: string;
  /** `http://127.0.0.1:<port>` (web URLs: `<baseUrl>/<owner>/<repo>`). */
  baseUrl: string;
  /** `<baseUrl>/api/v3`: the `integrations.github[].apiBaseUrl`. */
  apiBaseUrl: string;
  /** An Octokit with {@link TEST_GITHUB_TOKEN}, for assertions. */
  octokit: Octokit;
  store: GitHubStore;
  /** Pull requests merged so far. */
  merged: PullMergedEvent[];
  /** Every request as `METHOD /decoded/url` (+ ` (app jwt)` for a Bearer JWT). */
  requests: string[];
  /** Every request: method, raw URL and the scheme of its `Authorization` (lower-cased, `''` when none). */
  seen: SeenRequest[];
  /** Requests per route (`METHOD /path`), as the sandbox's control API counts them. */
  counter: RequestCounter;
  /** Injected faults (`upstream: 'github'`), see {@link injectGitHubFault}. */
  faults: FaultRegistry;
  /** Forgets requests and faults and re-seeds the store. */
  reset(seeds: GitHubRepoSeed[]): Promise<void>;
  close(): Promise<void>;
}

/** A request the test GitHub received. @public */
export interface SeenRequest {
  method: string;
  url: string;
  /** `token`, `bearer`, `basic` or `''`. */
  authScheme: string;
}

function seenRequest(req: IncomingMessage): SeenRequest {
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '',
    authScheme: String(req.headers.authorization ?? '')
      .split(' ')[0]
      .toLowerCase(),
  };
}

function requestLine({ method, url: raw, authScheme }: SeenRequest): string {
  let url = raw;
  try {
    url = decodeURIComponent(url);
  } catch {
    // keep the raw URL when it is not valid percent-encoding
  }
  return `${method} ${url}${authScheme === 'bearer' ? ' (app jwt)' : ''}`;
}

/**
 * Starts the sandbox GitHub Enterprise on a free port (default seeds:
 * {@link testSeeds}). `app` overrides options of the simulator (GitHub Apps,
 * rate limit, viewer, clock). @public
 */
export async function startTestGitHub(
  seeds: GitHubRepoSeed[] = testSeeds(),
  app: Partial<GitHubAppOptions> = {},
): Promise<TestGitHub> {
  const faults = new FaultRegistry();
  const counter = new RequestCounter();
  const requests: string[] = [];
  const seen: SeenRequest[] = [];
  // the simulator needs the URL, known once listening: answer through a holder
  const simulator: {
    app?: Awaited<ReturnType<typeof createGitHubApp>>['app'];
  } = {};
  const upstream = createUpstreamApp('github', { faults, counter }, () => {
    if (!simulator.app) throw new Error('the test GitHub is still starting');
    return simulator.app;
  });
  const server = await listen((req, res) => {
    const request = seenRequest(req);
    seen.push(request);
    requests.push(requestLine(request));
    upstream(req, res);
  }, 0);
  const baseUrl = server.url;
  const merged: PullMergedEvent[] = [];
  const created = await createGitHubApp({
    seeds,
    token: TEST_GITHUB_TOKEN,
    baseUrl,
    onPullMerged: e => merged.push(e),
    ...app,
  });
  simulator.app = created.app;
  const apiBaseUrl = `${baseUrl}/api/v3`;
  return {
    host: new URL(baseUrl).host,
    baseUrl,
    apiBaseUrl,
    octokit: new Octokit({
      baseUrl: apiBaseUrl,
      auth: TEST_GITHUB_TOKEN,
      log: quiet,
    }),
    store: created.store,
    merged,
    requests,
    seen,
    counter,
    faults,
    async reset(next) {
      requests.length = 0;
      seen.length = 0;
      merged.length = 0;
      counter.reset();
      faults.clear();
      await created.store.reset(next);
    },
    close: () => server.close(),
  };
}

/**
 * Injects a fault into the test GitHub (the sandbox's `FaultSpec` without
 * `upstream`); returns its id for `github.faults.remove(id)`. @public
 */
export function injectGitHubFault(
  github: Pick<TestGitHub, 'faults'>,
  spec: Omit<FaultSpec, 'upstream'>,
): number {
  return github.faults.add({ ...spec, upstream: 'github' }).id;
}

/** Requests that write to GitHub (anything but GET/HEAD). @public */
export function writes(requests: readonly string[]): string[] {
  return requests.filter(r => !/^(GET|HEAD) /.test(r));
}

/** Status of a rejected Octokit call (RequestError) plus its response body. @public */
export async function failure(
  p: Promise<unknown>,
): Promise<{ status: number; data: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { status?: number; response?: { data?: unknown } };
    return { status: err.status ?? 0, data: err.response?.data };
  }
  throw new Error('expected the request to fail');
}
