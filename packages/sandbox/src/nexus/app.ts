import crypto from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import semver from 'semver';
import { requireBasic, type BasicCredentials } from '../http/auth';
import { digestOf, imageConfig, manifest, mediaTypes } from './image';
import { componentXO } from './render';
import type { NexusComponent, NexusState } from './state';

/** Options of {@link createNexusApp}. */
export interface NexusAppOptions {
  state: () => NexusState;
  credentials: BasicCredentials;
  baseUrl: () => string;
}

/** Nexus 3's REST page size. */
export const NEXUS_PAGE_SIZE = 50;

const tokenSecret = (q: string) =>
  crypto.createHash('md5').update(q).digest('hex').slice(0, 24);

function compareVersions(a: string, b: string): number {
  const ca = semver.valid(semver.coerce(a))
    ? semver.coerce(a)!.version
    : undefined;
  const cb = semver.valid(semver.coerce(b))
    ? semver.coerce(b)!.version
    : undefined;
  if (ca && cb && ca !== cb) return semver.compare(ca, cb);
  return a.localeCompare(b);
}

function matches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(value);
}

function search(
  req: Request,
  res: Response,
  state: NexusState,
  base: string,
  requireRepository: boolean,
): void {
  const all = req.query as Record<string, string | undefined>;
  // `/v1/components` only knows `repository` and `continuationToken` (other filters are ignored).
  const q: Record<string, string | undefined> = requireRepository
    ? { repository: all.repository, continuationToken: all.continuationToken }
    : all;
  if (requireRepository && !q.repository) {
    res
      .status(422)
      .type('text/plain')
      .send("Parameter 'repository' is required");
    return;
  }
  if (
    q.repository &&
    !state.repositories().includes(q.repository) &&
    requireRepository
  ) {
    res.status(404).type('text/plain').send(`Repository not found`);
    return;
  }
  let items: NexusComponent[] = state.components.filter(
    c =>
      (!q.repository || c.repository === q.repository) &&
      (!q.format || q.format === 'docker') &&
      (!q.name || matches(q.name, c.name)) &&
      (!q['docker.imageName'] || matches(q['docker.imageName'], c.name)) &&
      (!q.version || matches(q.version, c.version)) &&
      (!q['docker.imageTag'] || matches(q['docker.imageTag'], c.version)) &&
      (!q.q || `${c.name} ${c.version}`.includes(q.q)),
  );
  if (q.sort) {
    // Nexus: ascending by default, except `version`, which defaults to descending.
    const desc = q.direction ? q.direction === 'desc' : q.sort === 'version';
    const dir = desc ? -1 : 1;
    const key = q.sort;
    const compare: Record<
      string,
      (a: NexusComponent, b: NexusComponent) => number
    > = {
      version: (a, b) => compareVersions(a.version, b.version),
      repository: (a, b) => a.repository.localeCompare(b.repository),
    };
    const byName = (a: NexusComponent, b: NexusComponent) =>
      a.name.localeCompare(b.name) || compareVersions(a.version, b.version);
    const cmp = compare[key] ?? byName;
    items = [...items].sort((a, b) => dir * cmp(a, b));
  }
  const queryKey = JSON.stringify({ ...q, continuationToken: undefined });
  let offset = 0;
  if (q.continuationToken) {
    const t = q.continuationToken;
    if (!/^[0-9a-f]{32}$/.test(t) || t.slice(0, 24) !== tokenSecret(queryKey)) {
      res
        .status(406)
        .type('text/plain')
        .send('Continuation token is not valid for this query');
      return;
    }
    offset = parseInt(t.slice(24), 16);
  }
  const page = items.slice(offset, offset + NEXUS_PAGE_SIZE);
  const next =
    offset + NEXUS_PAGE_SIZE < items.length
      ? `${tokenSecret(queryKey)}${(offset + NEXUS_PAGE_SIZE)
          .toString(16)
          .padStart(8, '0')}`
      : null;
  res.json({
    items: page.map(c => componentXO(base, c)),
    continuationToken: next,
  });
}

function dockerError(
  res: Response,
  status: number,
  code: string,
  message: string,
  detail: unknown,
): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ code, message, detail }] }));
}

/** A manifest or blob with its digest (GET: body, HEAD: headers only). */
function sendBlob(
  req: Request,
  res: Response,
  body: string,
  type: string,
): void {
  const digest = digestOf(body);
  res.setHeader('Docker-Distribution-Api-Version', 'registry/2.0');
  res.setHeader('Docker-Content-Digest', digest);
  res.setHeader('ETag', `"${digest}"`);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.type(type);
  if (req.method === 'HEAD') res.end();
  else res.send(body);
}

/** A Nexus Repository Manager 3 server (search, components, Docker Registry v2). @public */
export function createNexusApp(options: NexusAppOptions): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Server', 'Nexus/3.75.1-01 (OSS)');
    next();
  });
  router.get('/service/rest/v1/status', (_req, res) => res.status(200).end());
  router.use(
    requireBasic(options.credentials, res => {
      res
        .status(401)
        .setHeader(
          'WWW-Authenticate',
          'BASIC realm="Sonatype Nexus Repository Manager"',
        );
      res.end();
    }),
  );
  router.get('/service/rest/v1/search', (req, res) =>
    search(req, res, options.state(), options.baseUrl(), false),
  );
  router.get('/service/rest/v1/components', (req, res) =>
    search(req, res, options.state(), options.baseUrl(), true),
  );
  router.get('/service/rest/v1/components/:id', (req, res) => {
    const hit = options
      .state()
      .components.find(c => componentXO('', c).id === req.params.id);
    if (!hit)
      return res.status(404).type('text/plain').send('Component not found');
    return res.json(componentXO(options.baseUrl(), hit));
  });
  router.get(/^\/repository\/([^/]+)\/v2\/(.+)\/tags\/list$/, (req, res) => {
    const repo = req.params[0];
    const name = req.params[1];
    const tags = options
      .state()
      .components.filter(c => c.repository === repo && c.name === name)
      .map(c => c.version)
      .sort();
    if (!tags.length)
      return dockerError(
        res,
        404,
        'NAME_UNKNOWN',
        'repository name not known to registry',
        { name },
      );
    res.setHeader('Docker-Distribution-Api-Version', 'registry/2.0');
    return res.json({ name, tags });
  });
  router.get(
    /^\/repository\/([^/]+)\/v2\/(.+)\/manifests\/([^/]+)$/,
    (req, res) => {
      const [repo, name, tag] = [req.params[0], req.params[1], req.params[2]];
      const hit = options.state().find(repo, name, tag);
      if (!hit)
        return dockerError(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown', {
          Tag: tag,
        });
      return sendBlob(req, res, manifest(hit), mediaTypes.manifest);
    },
  );
  router.get(
    /^\/repository\/([^/]+)\/v2\/(.+)\/blobs\/([^/]+)$/,
    (req, res) => {
      const [repo, name, digest] = [
        req.params[0],
        req.params[1],
        req.params[2],
      ];
      const config = options
        .state()
        .components.filter(c => c.repository === repo && c.name === name)
        .map(imageConfig)
        .find(body => digestOf(body) === digest);
      if (!config)
        return dockerError(
          res,
          404,
          'BLOB_UNKNOWN',
          'blob unknown to registry',
          {
            Digest: digest,
          },
        );
      return sendBlob(req, res, config, mediaTypes.config);
    },
  );
  router.get(/^\/repository\/[^/]+\/v2\/?$/, (_req, res) => {
    res.setHeader('Docker-Distribution-Api-Version', 'registry/2.0');
    res.json({});
  });
  router.use((_req, res) =>
    res.status(404).type('text/plain').send('Not Found'),
  );
  return router;
}
