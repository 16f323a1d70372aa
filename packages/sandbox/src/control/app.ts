import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { FaultRegistry, RequestCounter } from '../http';
import type { SandboxEngine } from '../engine';

/** Options of {@link createControlApp}. */
export interface ControlAppOptions {
  engine: () => SandboxEngine;
  faults: FaultRegistry;
  counter: RequestCounter;
  urls: () => Record<string, string>;
  upstreams: string[];
}

const faultBody = z
  .object({
    upstream: z.string().min(1),
    pathPattern: z.string().optional(),
    method: z.string().optional(),
    kind: z.enum([
      'respond',
      'latency',
      'error',
      'hang',
      'html-login',
      'truncated-json',
      'oversized',
    ]),
    latencyMs: z.number().int().nonnegative().optional(),
    status: z.number().int().min(100).max(599).optional(),
    body: z.string().optional(),
    headers: z.record(z.string()).optional(),
    sizeBytes: z.number().int().positive().optional(),
    times: z.number().int().positive().optional(),
    once: z.boolean().optional(),
  })
  .strict();
const setImageBody = z
  .object({
    namespace: z.string().min(1),
    deployment: z.string().min(1),
    container: z.string().optional(),
    image: z.string().min(1),
  })
  .strict();
const pushBody = z
  .object({
    service: z.string().min(1),
    message: z.string().min(1).default('Change from the sandbox control API'),
    branch: z.string().optional(),
    fail: z.boolean().optional(),
  })
  .strict();

const rotateBody = z
  .object({
    /** One Jenkins (default both). */
    upstream: z.enum(['jenkins-code', 'jenkins-deploy']).optional(),
    /** Keep the newest N runs of each job (default: the world's settings.keepBuilds). */
    count: z.number().int().positive().optional(),
    /** Keep the runs of the last D days. */
    days: z.number().int().positive().optional(),
  })
  .strict();

function parse<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  req: Request,
  res: Response,
): T | undefined {
  const r = schema.safeParse(req.body ?? {});
  if (!r.success) {
    res.status(400).json({
      error: 'invalid body',
      issues: r.error.issues.map(
        i => `${i.path.join('.') || '(body)'}: ${i.message}`,
      ),
    });
    return undefined;
  }
  return r.data;
}

/** The sandbox control API (its own port; never mixed into upstream paths). @public */
export function createControlApp(options: ControlAppOptions): Router {
  const router = express.Router();
  router.use(express.json());
  router.get('/health', (_req, res) =>
    res.json({
      healthy: true,
      world: options.engine().world.name,
      urls: options.urls(),
    }),
  );
  router.post('/reset', async (_req, res, next) => {
    try {
      options.faults.clear();
      await options.engine().reset();
      options.counter.reset();
      res.json({ reset: true });
    } catch (e) {
      next(e);
    }
  });
  router.get('/faults', (_req, res) =>
    res.json({ faults: options.faults.list() }),
  );
  router.post('/faults', (req, res) => {
    const body = parse(faultBody, req, res);
    if (!body) return;
    if (body.upstream !== '*' && !options.upstreams.includes(body.upstream)) {
      res.status(400).json({
        error: `unknown upstream ${
          body.upstream
        }; one of ${options.upstreams.join(', ')}, *`,
      });
      return;
    }
    try {
      res.status(201).json(options.faults.add(body));
    } catch (e) {
      res
        .status(400)
        .json({ error: e instanceof Error ? e.message : String(e) });
    }
  });
  router.delete('/faults', (req, res) => {
    options.faults.clear(
      typeof req.query.upstream === 'string' ? req.query.upstream : undefined,
    );
    res.status(204).end();
  });
  router.delete('/faults/:id', (req, res) => {
    res.status(options.faults.remove(Number(req.params.id)) ? 204 : 404).end();
  });
  // `?log=1`: also when each request arrived (ms since the last reset), in order
  router.get('/requests', (req, res) =>
    res.json(
      req.query.log === '1' || req.query.log === 'true'
        ? options.counter.snapshotWithLog()
        : options.counter.snapshot(),
    ),
  );
  router.delete('/requests', (_req, res) => {
    options.counter.reset();
    res.status(204).end();
  });
  router.post('/kubectl/set-image', (req, res) => {
    const body = parse(setImageBody, req, res);
    if (!body) return;
    const d = options
      .engine()
      .setImage(body.namespace, body.deployment, body.image, body.container);
    if (!d) {
      res.status(404).json({
        error: `deployment ${body.namespace}/${body.deployment} (or container) not found`,
      });
      return;
    }
    res.json({
      namespace: d.namespace,
      deployment: d.name,
      containers: d.containers,
      labels: d.labels,
    });
  });
  router.post('/push', async (req, res, next) => {
    const body = parse(pushBody, req, res);
    if (!body) return;
    try {
      res.status(201).json(
        await options.engine().push(body.service, body.message, {
          branch: body.branch,
          fail: body.fail,
        }),
      );
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('unknown service'))
        res.status(404).json({ error: e.message });
      else next(e);
    }
  });
  router.post('/jenkins/rotate', (req, res) => {
    const body = parse(rotateBody, req, res);
    if (!body) return;
    const given = body.count !== undefined || body.days !== undefined;
    const keepBuilds = given
      ? { count: body.count, days: body.days }
      : options.engine().world.settings.keepBuilds;
    if (!keepBuilds) {
      res.status(400).json({
        error:
          'nothing to rotate by: pass count and/or days, or set settings.keepBuilds in the world',
      });
      return;
    }
    res.json({
      keepBuilds,
      deleted: options
        .engine()
        .rotateBuilds({ keepBuilds, upstream: body.upstream }),
    });
  });
  router.get('/events', (req, res) =>
    res.json({
      events: options.engine().events.list(Number(req.query.since ?? 0) || 0),
    }),
  );
  router.use((_req, res) => res.status(404).json({ error: 'not found' }));
  router.use(
    (
      err: unknown,
      _req: Request,
      res: Response,
      _next: express.NextFunction,
    ) => {
      res
        .status(500)
        .json({ error: err instanceof Error ? err.message : String(err) });
    },
  );
  return router;
}
