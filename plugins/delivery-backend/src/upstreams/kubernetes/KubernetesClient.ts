import { z } from 'zod';
import type { ClusterConfig } from '../../configTypes';
import { checkShape, getJson, UpstreamError } from '../http';

const deploymentSchema = z.object({
  metadata: z.object({
    name: z.string(),
    namespace: z.string().optional(),
    labels: z.record(z.string(), z.string()).nullable().optional(),
  }),
  spec: z
    .object({
      replicas: z.number().optional(),
      template: z
        .object({
          metadata: z
            .object({
              labels: z.record(z.string(), z.string()).nullable().optional(),
            })
            .nullable()
            .optional(),
          spec: z
            .object({
              containers: z.array(
                z.object({ name: z.string(), image: z.string().optional() }),
              ),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
  status: z
    .object({
      readyReplicas: z.number().optional(),
      replicas: z.number().optional(),
    })
    .nullable()
    .optional(),
});

const listSchema = z.object({
  kind: z.string().optional(),
  metadata: z.object({ continue: z.string().optional() }).nullable().optional(),
  items: z.array(deploymentSchema),
});

/** Deployments per page, and the most pages read (10,000 deployments). */
const PAGE_SIZE = 500;
const MAX_PAGES = 20;

/** A deployment, reduced to what the view needs. */
export interface DeploymentSummary {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  podLabels: Record<string, string>;
  images: Array<{ container: string; image: string }>;
  replicas?: number;
  readyReplicas?: number;
}

/**
 * Read-only Kubernetes client: lists `apps/v1` deployments of a namespace
 * with a bearer token (plain fetch; timeouts, size cap, GET retries).
 */
export class KubernetesClient {
  private constructor(
    private readonly cluster: ClusterConfig,
    private readonly maxBytes: number,
  ) {}

  static create(
    cluster: ClusterConfig,
    options?: { maxBytes?: number },
  ): KubernetesClient {
    return new KubernetesClient(cluster, options?.maxBytes ?? 5 * 1024 * 1024);
  }

  /**
   * Every deployment of the namespace: pages of 500 following `continue`
   * (bounded: at most 20 pages, a repeated token is an error, never a loop).
   */
  async listDeployments(): Promise<DeploymentSummary[]> {
    const ns = this.cluster.namespace;
    const what = `Kubernetes namespace ${ns}`;
    const items: Array<z.infer<typeof deploymentSchema>> = [];
    const seen = new Set<string>();
    let token: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= MAX_PAGES) {
        throw new UpstreamError(
          'bad-response',
          `${what}: more than ${
            MAX_PAGES * PAGE_SIZE
          } deployments; the list would be incomplete`,
        );
      }
      const url = new URL(
        `${this.cluster.url}/apis/apps/v1/namespaces/${encodeURIComponent(
          ns,
        )}/deployments`,
      );
      url.searchParams.set('limit', String(PAGE_SIZE));
      if (token) url.searchParams.set('continue', token);
      const res = await getJson(url, {
        what,
        timeoutMs: this.cluster.timeoutMs,
        maxBytes: this.maxBytes,
        headers: { authorization: `Bearer ${this.cluster.token}` },
      });
      const list = checkShape(listSchema, res.body, what);
      items.push(...list.items);
      token = list.metadata?.continue || undefined;
      if (!token) break;
      if (seen.has(token)) {
        throw new UpstreamError(
          'bad-response',
          `${what}: the API repeated a continue token; the list would be incomplete`,
        );
      }
      seen.add(token);
    }
    return this.summaries(items, ns);
  }

  private summaries(
    items: Array<z.infer<typeof deploymentSchema>>,
    ns: string,
  ): DeploymentSummary[] {
    return items.map(d => ({
      name: d.metadata.name,
      namespace: d.metadata.namespace ?? ns,
      labels: d.metadata.labels ?? {},
      podLabels: d.spec?.template?.metadata?.labels ?? {},
      images: (d.spec?.template?.spec?.containers ?? []).flatMap(c =>
        c.image ? [{ container: c.name, image: c.image }] : [],
      ),
      replicas: d.spec?.replicas ?? d.status?.replicas,
      readyReplicas: d.status?.readyReplicas ?? 0,
    }));
  }
}

/** The tag of an image reference (`repo/name:tag@sha256:..` -> `tag`). */
export function imageTag(image: string): string | undefined {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) : undefined;
}
