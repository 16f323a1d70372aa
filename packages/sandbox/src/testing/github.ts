import http from 'http';
import type { AddressInfo } from 'net';
import type { RequestListener } from 'http';
import { Octokit } from '@octokit/rest';
import { createGitHubApp } from '../app';
import type {
  GitHubAppOptions,
  GitHubRepoSeed,
  GitHubStore,
  PullMergedEvent,
} from '../types';

export const TOKEN = 'sandbox-github-token';

const noop = () => {};
/** Octokit logs every failed request with console.error; tests expect failures. */
const quiet = { debug: noop, info: noop, warn: noop, error: noop };

/** A small world: one code repo, one config repo with a promotion branch and an open PR. */
export function testSeeds(): GitHubRepoSeed[] {
  return [
    {
      owner: 'stakater',
      name: 'xposer',
      defaultBranch: 'master',
      description: 'Xposer exposes services',
      commits: [
        {
          id: 'x1',
          message: 'Initial commit',
          date: '2024-01-01T10:00:00Z',
          files: { 'README.md': '# xposer\n', Jenkinsfile: 'pipeline {}\n' },
        },
        {
          id: 'x2',
          message: 'Add chart',
          date: '2024-01-02T10:00:00Z',
          files: {
            'deployments/kubernetes/chart/xposer/Chart.yaml':
              'name: xposer\nversion: 0.0.20\n',
          },
        },
      ],
    },
    {
      owner: 'gitops',
      name: 'config-dev',
      commits: [
        {
          id: 'c1',
          message: 'Initial environment',
          date: '2024-01-01T09:00:00Z',
          files: {
            'xposer/requirements.yaml':
              'dependencies:\n  # the app\n  - name: xposer\n    version: 0.0.19\n    repository: http://chartmuseum\n',
            'xposer/values.yaml': 'xposer:\n  image:\n    tag: v0.0.19\n',
          },
        },
      ],
      branches: [
        {
          name: 'promote/xposer-0.0.20',
          from: 'c1',
          commits: [
            {
              id: 'p1',
              message: 'Promote xposer to 0.0.20',
              date: '2024-01-03T09:00:00Z',
              files: {
                'xposer/requirements.yaml':
                  'dependencies:\n  # the app\n  - name: xposer\n    version: 0.0.20\n    repository: http://chartmuseum\n',
              },
            },
          ],
        },
      ],
      pulls: [
        {
          head: 'promote/xposer-0.0.20',
          base: 'main',
          title: 'Promote xposer 0.0.20',
          body: 'Automated promotion',
        },
      ],
    },
  ];
}

export interface TestServer {
  baseUrl: string;
  apiUrl: string;
  octokit: Octokit;
  store: GitHubStore;
  merged: PullMergedEvent[];
  close(): Promise<void>;
}

export async function startGitHub(
  seeds: GitHubRepoSeed[] = testSeeds(),
  extra: Partial<GitHubAppOptions> = {},
): Promise<TestServer> {
  let handler: RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const merged: PullMergedEvent[] = [];
  const { app, store } = await createGitHubApp({
    seeds,
    token: TOKEN,
    baseUrl,
    onPullMerged: e => merged.push(e),
    ...extra,
  });
  handler = app;
  const apiUrl = `${baseUrl}/api/v3`;
  return {
    baseUrl,
    apiUrl,
    octokit: new Octokit({ baseUrl: apiUrl, auth: TOKEN, log: quiet }),
    store,
    merged,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(e => (e ? reject(e) : resolve())),
      ),
  };
}

/** Status of a rejected Octokit call (RequestError) plus its response body. */
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
