import express, { type Response, type Router } from 'express';
import { stringify } from 'yaml';
import { requireBasic, type BasicCredentials } from '../http/auth';
import {
  chartVersionJson,
  newestStable,
  type ChartMuseumState,
  type ChartRecord,
} from './state';
import { packTgz, readChartYaml } from './tgz';

/** Options of {@link createChartMuseumApp}. */
export interface ChartMuseumAppOptions {
  state: () => ChartMuseumState;
  credentials: BasicCredentials;
  /** Called after a chart was uploaded through the API. */
  onUpload?: (chart: ChartRecord) => void;
}

const err = (res: Response, status: number, error: string) =>
  res.status(status).json({ error });

function toRecord(doc: Record<string, unknown>): ChartRecord | undefined {
  const { name, version } = doc;
  if (
    typeof name !== 'string' ||
    (typeof version !== 'string' && typeof version !== 'number')
  )
    return undefined;
  return {
    name,
    version: String(version),
    description: typeof doc.description === 'string' ? doc.description : '',
    apiVersion: doc.apiVersion === 'v2' ? 'v2' : 'v1',
    appVersion:
      doc.appVersion !== undefined ? String(doc.appVersion) : undefined,
    home: typeof doc.home === 'string' ? doc.home : undefined,
    created: new Date().toISOString(),
  };
}

/** A ChartMuseum server (`/api/charts`, `/index.yaml`, `/health`). @public */
export function createChartMuseumApp(options: ChartMuseumAppOptions): Router {
  const router = express.Router();
  router.get('/health', (_req, res) => res.json({ healthy: true }));
  router.use(
    requireBasic(options.credentials, res => {
      res
        .status(401)
        .setHeader('WWW-Authenticate', 'Basic realm="ChartMuseum"');
      res.json({ error: 'unauthorized' });
    }),
  );
  router.get('/index.yaml', (_req, res) => {
    const entries: Record<string, unknown[]> = {};
    for (const [name, list] of [...options.state().charts].sort((a, b) =>
      a[0].localeCompare(b[0]),
    )) {
      entries[name] = list.map(chartVersionJson);
    }
    const generated =
      [...options.state().charts.values()]
        .flat()
        .map(c => c.created)
        .sort()
        .pop() ?? '1970-01-01T00:00:00Z';
    res
      .type('application/x-yaml')
      .send(
        stringify({ apiVersion: 'v1', entries, generated, serverInfo: {} }),
      );
  });
  router.get('/api/charts', (_req, res) => {
    const out: Record<string, unknown[]> = {};
    for (const [name, list] of options.state().charts)
      out[name] = list.map(chartVersionJson);
    res.json(out);
  });
  router.get('/api/charts/:name', (req, res) => {
    const list = options.state().charts.get(req.params.name);
    if (!list) return err(res, 404, `chart not found`);
    return res.json(list.map(chartVersionJson));
  });
  router.get('/api/charts/:name/:version', (req, res) => {
    const list = options.state().charts.get(req.params.name);
    const hit =
      req.params.version === 'latest'
        ? list && newestStable(list)
        : list?.find(c => c.version === req.params.version);
    if (!hit)
      return err(res, 404, `improper constraint: ${req.params.version}`);
    return res.json(chartVersionJson(hit));
  });
  router.get('/charts/:file', (req, res) => {
    for (const list of options.state().charts.values()) {
      const hit = list.find(
        c => `${c.name}-${c.version}.tgz` === req.params.file,
      );
      if (hit) {
        const chartYaml = stringify({
          apiVersion: hit.apiVersion,
          name: hit.name,
          version: hit.version,
          description: hit.description,
          appVersion: hit.appVersion,
        });
        return res.type('application/x-tar').send(
          packTgz(
            {
              [`${hit.name}/Chart.yaml`]: chartYaml,
              [`${hit.name}/values.yaml`]: `${hit.name}:\n  image:\n    tag: ${hit.version}\n`,
            },
            Date.parse(hit.created),
          ),
        );
      }
    }
    return err(res, 404, 'object not found');
  });
  router.post(
    '/api/charts',
    express.raw({ type: () => true, limit: '20mb' }),
    (req, res) => {
      const body = req.body as Buffer;
      let doc: Record<string, unknown> | undefined;
      if ((req.headers['content-type'] ?? '').includes('json')) {
        try {
          const parsed: unknown = JSON.parse(body.toString('utf8'));
          doc =
            parsed && typeof parsed === 'object'
              ? (parsed as Record<string, unknown>)
              : undefined;
        } catch {
          doc = undefined;
        }
      } else {
        doc = readChartYaml(body);
      }
      const record = doc && toRecord(doc);
      if (!record)
        return err(res, 500, 'chart.metadata.name or version missing');
      if (typeof doc?.created === 'string') record.created = doc.created;
      if (!options.state().add(record))
        return err(res, 409, 'file already exists');
      options.onUpload?.(record);
      return res.status(201).json({ saved: true });
    },
  );
  router.delete('/api/charts/:name/:version', (req, res) => {
    if (!options.state().remove(req.params.name, req.params.version))
      return err(res, 404, 'chart not found');
    return res.json({ deleted: true });
  });
  router.use((_req, res) => err(res, 404, 'not found'));
  return router;
}
