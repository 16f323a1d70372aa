import { auth, getJson, startTestSandbox } from '../testing/sandbox';
import type { Sandbox } from '../sandbox';

interface Deployment {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    template: { spec: { containers: Array<{ name: string; image: string }> } };
  };
  status: {
    replicas: number;
    readyReplicas: number;
    updatedReplicas: number;
    availableReplicas: number;
    conditions: unknown[];
  };
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.stop());

describe('Kubernetes API', () => {
  it('lists Deployments with Helm labels and images', async () => {
    const list = await getJson<{ kind: string; items: Deployment[] }>(
      `${sb.urls.kubernetes}/apis/apps/v1/namespaces/prod/deployments`,
      auth.k8s,
    );
    expect(list.kind).toBe('DeploymentList');
    const xposer = list.items.find(d => d.metadata.name === 'xposer')!;
    expect(xposer.metadata.labels).toEqual(
      expect.objectContaining({
        app: 'xposer',
        chart: 'xposer-v0.0.19',
        version: 'v0.0.19',
        release: 'config-prod',
        heritage: 'Helm',
      }),
    );
    const host = sb.urls.nexus.replace('http://', '');
    expect(xposer.spec.template.spec.containers[0].image).toBe(
      `${host}/stakater/xposer:v0.0.19`,
    );
    expect(xposer.status).toEqual(
      expect.objectContaining({
        replicas: 1,
        readyReplicas: 1,
        updatedReplicas: 1,
        availableReplicas: 1,
      }),
    );
  });

  it('filters by labelSelector and gets one Deployment', async () => {
    const list = await getJson<{ items: Deployment[] }>(
      `${
        sb.urls.kubernetes
      }/apis/apps/v1/namespaces/dev/deployments?labelSelector=${encodeURIComponent(
        'app=xposer,heritage=Helm',
      )}`,
      auth.k8s,
    );
    expect(list.items.map(d => d.metadata.name)).toEqual(['xposer']);
    const one = await getJson<Deployment>(
      `${sb.urls.kubernetes}/apis/apps/v1/namespaces/dev/deployments/gateway`,
      auth.k8s,
    );
    expect(one.metadata.labels.version).toBe('v2.4.0');
    const missing = await fetch(
      `${sb.urls.kubernetes}/apis/apps/v1/namespaces/dev/deployments/nope`,
      { headers: auth.k8s },
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(
      expect.objectContaining({
        kind: 'Status',
        reason: 'NotFound',
        code: 404,
      }),
    );
  });

  it('answers 401 with a Status without the bearer token', async () => {
    const res = await fetch(
      `${sb.urls.kubernetes}/apis/apps/v1/namespaces/dev/deployments`,
      { headers: { authorization: 'Bearer wrong' } },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
  });
});
