import { sendJson, startServer } from '../../__testUtils__/server';
import { imageTag, KubernetesClient } from './KubernetesClient';

describe('KubernetesClient', () => {
  it('lists deployments with a bearer token', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, {
        kind: 'DeploymentList',
        items: [
          {
            metadata: {
              name: 'xposer',
              namespace: 'dev',
              labels: { app: 'xposer', version: 'v0.0.20' },
            },
            spec: {
              replicas: 1,
              template: {
                spec: {
                  containers: [
                    { name: 'xposer', image: 'stakater/xposer:v0.0.20' },
                  ],
                },
              },
            },
            status: { readyReplicas: 1 },
          },
        ],
      }),
    );
    try {
      const client = KubernetesClient.create({
        url: server.url,
        token: 'sandbox-k8s-token',
        namespace: 'dev',
        timeoutMs: 2000,
      });
      const list = await client.listDeployments();
      expect(list[0]).toMatchObject({
        name: 'xposer',
        labels: { version: 'v0.0.20' },
        readyReplicas: 1,
      });
      expect(server.seen[0].url).toBe(
        '/apis/apps/v1/namespaces/dev/deployments?limit=500',
      );
      expect(server.seen[0].headers.authorization).toBe(
        'Bearer sandbox-k8s-token',
      );
    } finally {
      await server.close();
    }
  });

  it('follows `continue` until the list is complete (#11)', async () => {
    const item = (name: string) => ({
      metadata: { name, namespace: 'dev' },
      spec: {
        template: {
          spec: { containers: [{ name, image: `x/${name}:1.0.0` }] },
        },
      },
    });
    const server = await startServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const token = url.searchParams.get('continue');
      if (!token) {
        sendJson(res, {
          kind: 'DeploymentList',
          metadata: { continue: 'page2' },
          items: [item('a')],
        });
      } else if (token === 'page2') {
        sendJson(res, {
          kind: 'DeploymentList',
          metadata: { continue: 'page3' },
          items: [item('b')],
        });
      } else {
        sendJson(res, {
          kind: 'DeploymentList',
          metadata: {},
          items: [item('c')],
        });
      }
    });
    try {
      const client = KubernetesClient.create({
        url: server.url,
        token: 't',
        namespace: 'dev',
        timeoutMs: 2000,
      });
      const list = await client.listDeployments();
      expect(list.map(d => d.name)).toEqual(['a', 'b', 'c']);
      expect(server.seen.map(s => s.url)).toEqual([
        '/apis/apps/v1/namespaces/dev/deployments?limit=500',
        '/apis/apps/v1/namespaces/dev/deployments?limit=500&continue=page2',
        '/apis/apps/v1/namespaces/dev/deployments?limit=500&continue=page3',
      ]);
    } finally {
      await server.close();
    }
  });

  it('is bounded when the API repeats a `continue` token', async () => {
    const server = await startServer((_req, res) =>
      sendJson(res, {
        kind: 'DeploymentList',
        metadata: { continue: 'again' },
        items: [],
      }),
    );
    try {
      const client = KubernetesClient.create({
        url: server.url,
        token: 't',
        namespace: 'dev',
        timeoutMs: 2000,
      });
      await expect(client.listDeployments()).rejects.toMatchObject({
        name: 'UpstreamError',
        kind: 'bad-response',
        message: expect.stringMatching(/repeated a continue token/),
      });
      expect(server.seen.length).toBeLessThanOrEqual(3);
    } finally {
      await server.close();
    }
  });

  it('reads image tags', () => {
    expect(imageTag('127.0.0.1:7103/stakater/xposer:v0.0.20')).toBe('v0.0.20');
    expect(imageTag('stakater/xposer:0.0.8@sha256:abc')).toBe('0.0.8');
    expect(imageTag('127.0.0.1:7103/stakater/xposer')).toBeUndefined();
  });
});
