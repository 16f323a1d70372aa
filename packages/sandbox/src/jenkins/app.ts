import express, { type Request, type Response, type Router } from 'express';
import { requireBasic, type BasicCredentials } from '../http/auth';
import { parseTree, renderDepth, renderTree, type Node } from './tree';
import { buildBean } from './renderBuild';
import { jobBean, jobUrl, rootBean } from './renderJob';
import { queueItemBean } from './renderQueue';
import { consoleText, describeRun } from './wfapi';
import { rebuild, userIdCause } from './replay';
import type { BuildParameter, JenkinsBuild, JenkinsJob } from './model';
import type { JenkinsState } from './state';

/** Options of {@link createJenkinsApp}. @public */
export interface JenkinsAppOptions {
  state: () => JenkinsState;
  /** User name + API token accepted with Basic auth. */
  credentials: BasicCredentials;
  /** Public base URL (no trailing slash), used in `url` fields and `Location`. */
  baseUrl: () => string;
}

const permalinks: Record<string, (b: JenkinsBuild) => boolean> = {
  lastBuild: () => true,
  lastCompletedBuild: b => b.result !== null,
  lastSuccessfulBuild: b => b.result === 'SUCCESS' || b.result === 'UNSTABLE',
  lastStableBuild: b => b.result === 'SUCCESS',
  lastFailedBuild: b => b.result === 'FAILURE',
  lastUnstableBuild: b => b.result === 'UNSTABLE',
  lastUnsuccessfulBuild: b => b.result !== null && b.result !== 'SUCCESS',
};

/** Serves an exported bean like stapler's `serveExposedBean`: `tree` wins over `depth`. */
function sendApi(req: Request, res: Response, node: Node): void {
  const { tree, depth, pretty } = req.query;
  let body;
  try {
    if (typeof tree === 'string') {
      try {
        body = renderTree(node, parseTree(tree));
      } catch (e) {
        throw new Error(`Malformed tree expression: ${(e as Error).message}`);
      }
    } else {
      const d = typeof depth === 'string' ? depth : '0';
      if (!/^[-+]?\d+$/.test(d))
        throw new Error('Depth parameter must be a number');
      body = renderDepth(node, Number(d));
    }
  } catch (e) {
    // stapler throws a ServletException: Jenkins answers 500.
    res
      .status(500)
      .type('text/plain')
      .send(e instanceof Error ? e.message : String(e));
    return;
  }
  res.status(200).type('application/json;charset=utf-8');
  res.send(
    pretty === 'true' ? JSON.stringify(body, null, 2) : JSON.stringify(body),
  );
}

function notFound(res: Response): void {
  res
    .status(404)
    .type('text/html;charset=utf-8')
    .send(
      '<html><head><title>Error 404 Not Found</title></head><body><h2>HTTP ERROR 404 Not Found</h2></body></html>',
    );
}

/** The user of the request's Basic credentials. */
function requestUser(req: Request): string {
  const [scheme, value] = (req.headers.authorization ?? '').split(' ');
  const user =
    scheme === 'Basic' && value
      ? Buffer.from(value, 'base64').toString().split(':')[0]
      : '';
  return user || 'anonymous';
}

/** Stapler's `@RequirePOST` answer to other methods. */
function postRequired(res: Response): void {
  res
    .status(405)
    .setHeader('Allow', 'POST')
    .type('text/html;charset=utf-8')
    .send(
      '<html><head><title>POST required</title></head><body>POST is required for this URL</body></html>',
    );
}

/** Splits `/job/a/job/b%252Fc/12/api/json` into job segments and the rest. */
function splitJobPath(
  path: string,
): { segments: string[]; rest: string[] } | undefined {
  const parts = path.split('/').filter(p => p !== '');
  const segments: string[] = [];
  let i = 0;
  while (parts[i] === 'job' && parts[i + 1] !== undefined) {
    try {
      segments.push(decodeURIComponent(parts[i + 1]));
    } catch {
      return undefined;
    }
    i += 2;
  }
  return segments.length ? { segments, rest: parts.slice(i) } : undefined;
}

function findBuild(job: JenkinsJob, ref: string): JenkinsBuild | undefined {
  if (/^\d+$/.test(ref)) return job.builds.find(b => b.number === Number(ref));
  const f = permalinks[ref];
  return f ? [...job.builds].reverse().find(f) : undefined;
}

/** A Jenkins JSON API server for one instance. @public */
export function createJenkinsApp(options: JenkinsAppOptions): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('X-Jenkins', '2.426.3');
    res.setHeader('X-Hudson', '1.395');
    next();
  });
  router.use(
    requireBasic(options.credentials, res => {
      res.status(401).setHeader('WWW-Authenticate', 'Basic realm="Jenkins"');
      res
        .type('text/html;charset=utf-8')
        .send(
          '<html><head><title>Error 401 Unauthorized</title></head><body><h2>HTTP ERROR 401 Unauthorized</h2><p>Invalid password/token for user</p></body></html>',
        );
    }),
  );
  router.use(express.urlencoded({ extended: false }));
  const base = () => options.baseUrl();

  router.get('/api/json', (req, res) =>
    sendApi(req, res, rootBean(base(), options.state())),
  );
  router.get('/crumbIssuer/api/json', (req, res) =>
    sendApi(req, res, {
      _class: 'hudson.security.csrf.DefaultCrumbIssuer',
      crumb: 'a3f7c1d9e2b84f6c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e',
      crumbRequestField: 'Jenkins-Crumb',
    }),
  );
  router.get('/queue/api/json', (req, res) => {
    const items = options
      .state()
      .waiting()
      .map(q => queueItemBean(base(), q));
    sendApi(req, res, {
      _class: 'hudson.model.Queue',
      discoverableItems: [],
      items,
    });
  });
  router.get('/queue/item/:id/api/json', (req, res) => {
    const item = options.state().queueItem(Number(req.params.id));
    if (!item) return notFound(res);
    return sendApi(req, res, queueItemBean(base(), item));
  });
  router.post('/queue/cancelItem', (req, res) => {
    const item = options.state().queueItem(Number(req.query.id));
    if (item && item.executable === undefined) item.cancelled = true;
    res.status(204).end();
  });

  router.all(/^\/job\//, (req, res) => {
    const state = options.state();
    const parsed = splitJobPath(req.path);
    const job = parsed && state.find(parsed.segments);
    if (!parsed || !job) return notFound(res);
    const rest = parsed.rest;
    const isGet = req.method === 'GET' || req.method === 'HEAD';
    const is = (...want: string[]) =>
      rest.length === want.length &&
      want.every((w, i) => w === '*' || rest[i] === w);
    if (isGet && (is('api', 'json') || rest.length === 0))
      return sendApi(req, res, jobBean(base(), job, state));
    if (isGet && is('wfapi', 'runs'))
      return res.json([...job.builds].reverse().map(b => describeRun(job, b)));
    if (req.method === 'POST' && (is('build') || is('buildWithParameters'))) {
      if (job.type !== 'pipeline') return notFound(res);
      const given = {
        ...(req.query as Record<string, unknown>),
        ...((req.body ?? {}) as Record<string, unknown>),
      };
      if (is('buildWithParameters') && !job.parameterDefinitions.length) {
        return res
          .status(400)
          .type('text/plain')
          .send(`${job.name} is not parameterized`);
      }
      const parameters: BuildParameter[] = job.parameterDefinitions.map(d => {
        const raw = given[d.name];
        let value: string | boolean = d.defaultValue;
        if (typeof raw === 'string')
          value =
            d.type === 'BooleanParameterDefinition' ? raw === 'true' : raw;
        return {
          cls:
            d.type === 'BooleanParameterDefinition'
              ? 'hudson.model.BooleanParameterValue'
              : 'hudson.model.StringParameterValue',
          name: d.name,
          value,
        };
      });
      const item = state.enqueue(job, parameters, [
        userIdCause(requestUser(req)),
      ]);
      res.status(201).setHeader('Location', `${base()}/queue/item/${item.id}/`);
      return res.end();
    }
    if (rest.length >= 1) {
      const build = findBuild(job, rest[0]);
      if (!build) return notFound(res);
      const sub = rest.slice(1);
      if (
        isGet &&
        (sub.length === 0 || (sub[0] === 'api' && sub[1] === 'json'))
      )
        return sendApi(req, res, buildBean(base(), job, build));
      if (isGet && sub[0] === 'wfapi' && sub[1] === 'describe')
        return res.json(describeRun(job, build));
      if (isGet && sub[0] === 'consoleText')
        return res.type('text/plain;charset=utf-8').send(consoleText(build));
      if (sub.length === 2 && sub[0] === 'replay' && sub[1] === 'rebuild') {
        if (req.method !== 'POST') return postRequired(res);
        rebuild(state, job, build, requestUser(req));
        // `rsp.sendRedirect("../..")`: back to the job; the new run may not have started yet.
        return res.redirect(302, jobUrl(base(), job));
      }
    }
    return notFound(res);
  });
  router.use((_req, res) => notFound(res));
  return router;
}

export { jobUrl };
