import express, { type Router } from 'express';
import { deploymentJson, statusJson } from './render';
import { parseLabelSelector } from './selector';
import type { KubernetesState } from './state';

/** Options of {@link createKubernetesApp}. */
export interface KubernetesAppOptions {
  state: () => KubernetesState;
  token: string;
}

/** A Kubernetes API server serving apps/v1 Deployments (read-only). @public */
export function createKubernetesApp(options: KubernetesAppOptions): Router {
  const router = express.Router();
  router.use((req, res, next) => {
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (m && m[1] === options.token) return next();
    return res
      .status(401)
      .json(statusJson(401, 'Unauthorized', 'Unauthorized'));
  });
  router.get('/version', (_req, res) =>
    res.json({
      major: '1',
      minor: '27',
      gitVersion: 'v1.27.3',
      platform: 'linux/amd64',
    }),
  );
  const list = (
    namespace: string | undefined,
    selector: unknown,
    res: express.Response,
  ) => {
    let reqs;
    try {
      reqs =
        typeof selector === 'string' && selector
          ? parseLabelSelector(selector)
          : [];
    } catch (e) {
      return res
        .status(400)
        .json(
          statusJson(
            400,
            'BadRequest',
            e instanceof Error ? e.message : String(e),
          ),
        );
    }
    const items = options
      .state()
      .list(namespace)
      .filter(d => reqs.every(r => r(d.labels)));
    const rv = Math.max(
      1000,
      ...options.state().deployments.map(d => d.resourceVersion),
    );
    return res.json({
      kind: 'DeploymentList',
      apiVersion: 'apps/v1',
      metadata: { resourceVersion: String(rv) },
      items: items.map(deploymentJson),
    });
  };
  router.get('/apis/apps/v1/deployments', (req, res) =>
    list(undefined, req.query.labelSelector, res),
  );
  router.get('/apis/apps/v1/namespaces/:ns/deployments', (req, res) =>
    list(req.params.ns, req.query.labelSelector, res),
  );
  router.get('/apis/apps/v1/namespaces/:ns/deployments/:name', (req, res) => {
    const d = options.state().get(req.params.ns, req.params.name);
    if (!d)
      return res
        .status(404)
        .json(
          statusJson(
            404,
            'NotFound',
            `deployments.apps "${req.params.name}" not found`,
            { name: req.params.name, group: 'apps', kind: 'deployments' },
          ),
        );
    return res.json(deploymentJson(d));
  });
  router.use((_req, res) =>
    res
      .status(404)
      .json(
        statusJson(
          404,
          'NotFound',
          'the server could not find the requested resource',
        ),
      ),
  );
  return router;
}
