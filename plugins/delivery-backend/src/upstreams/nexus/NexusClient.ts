import { z } from 'zod';
import type { ImageArtifact } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { NexusInstanceConfig } from '../../configTypes';
import { basicAuth, checkShape, getJson, UpstreamError } from '../http';

const assetSchema = z.object({
  path: z.string().optional(),
  downloadUrl: z.string().optional(),
  checksum: z.record(z.string(), z.unknown()).nullable().optional(),
  lastModified: z.string().nullable().optional(),
  blobCreated: z.string().nullable().optional(),
});

const searchPageSchema = z.object({
  items: z.array(
    z.object({
      repository: z.string(),
      format: z.string().optional(),
      name: z.string(),
      version: z.string().nullable().optional(),
      assets: z.array(assetSchema).optional(),
    }),
  ),
  continuationToken: z.string().nullable().optional(),
});

const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

const manifestSchema = z.object({
  config: z.object({ digest: z.string() }).optional(),
  manifests: z
    .array(
      z.object({
        digest: z.string(),
        platform: z
          .object({
            os: z.string().optional(),
            architecture: z.string().optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

const imageConfigSchema = z.object({
  config: z
    .object({ Labels: z.record(z.string(), z.string()).nullable().optional() })
    .nullable()
    .optional(),
});

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** OCI labels of one image tag. */
export interface ImageLabels {
  /** The config blob's digest (immutable: the labels can be cached by it). */
  configDigest: string;
  labels: Record<string, string>;
}

/** Images of one name, and whether paging was cut short. */
export interface ImageSearchResult {
  images: ImageArtifact[];
  incomplete: boolean;
  note?: string;
}

/**
 * Nexus 3 search client (`/service/rest/v1/search`), following
 * `continuationToken` up to a page cap and stopping on a repeated token.
 */
export class NexusClient {
  private constructor(
    private readonly instance: NexusInstanceConfig,
    private readonly maxBytes: number,
    private readonly maxPages: number,
  ) {}

  static create(
    instance: NexusInstanceConfig,
    options?: { maxBytes?: number; maxPages?: number },
  ): NexusClient {
    return new NexusClient(
      instance,
      options?.maxBytes ?? 5 * 1024 * 1024,
      options?.maxPages ?? 20,
    );
  }

  /** Every tag of a docker image in the configured repository. */
  async listImageTags(image: string): Promise<ImageSearchResult> {
    const what = `Nexus ${this.instance.name} search ${image}`;
    const images: ImageArtifact[] = [];
    const seenTokens = new Set<string>();
    let token: string | undefined;
    for (let page = 0; page < this.maxPages; page++) {
      const url = new URL(`${this.instance.baseUrl}/service/rest/v1/search`);
      url.searchParams.set('repository', this.instance.repository);
      url.searchParams.set('format', 'docker');
      url.searchParams.set('name', image);
      if (token) url.searchParams.set('continuationToken', token);
      const res = await getJson(url, {
        what,
        timeoutMs: this.instance.timeoutMs,
        maxBytes: this.maxBytes,
        headers: basicAuth(this.instance.username, this.instance.password),
      });
      const body = checkShape(searchPageSchema, res.body, what);
      for (const item of body.items) {
        if (item.name !== image || !item.version) continue;
        images.push(
          this.toImage(
            item.name,
            item.version,
            item.repository,
            item.assets?.[0],
          ),
        );
      }
      const next = body.continuationToken ?? undefined;
      if (!next) return { images, incomplete: false };
      if (seenTokens.has(next)) {
        return {
          images,
          incomplete: true,
          note: 'Nexus repeated a continuationToken; paging stopped',
        };
      }
      seenTokens.add(next);
      token = next;
    }
    return {
      images,
      incomplete: true,
      note: `stopped after ${this.maxPages} pages`,
    };
  }

  /**
   * The labels of `image:tag` from the Docker Registry v2 API that Nexus serves
   * at `/repository/<repo>/v2/`: the manifest (an index picks linux/amd64 or
   * the first), then its config blob. Two or three GETs.
   */
  async imageLabels(image: string, tag: string): Promise<ImageLabels> {
    const base = `${this.instance.baseUrl}/repository/${encodeURIComponent(
      this.instance.repository,
    )}/v2/${image.split('/').map(encodeURIComponent).join('/')}`;
    const what = `Nexus ${this.instance.name} image ${image}:${tag}`;
    const get = (path: string, accept: string) =>
      getJson(new URL(`${base}/${path}`), {
        what,
        timeoutMs: this.instance.timeoutMs,
        maxBytes: this.maxBytes,
        headers: {
          ...basicAuth(this.instance.username, this.instance.password),
          accept,
        },
      });
    let manifest = checkShape(
      manifestSchema,
      (await get(`manifests/${encodeURIComponent(tag)}`, MANIFEST_TYPES)).body,
      what,
    );
    if (!manifest.config && manifest.manifests?.length) {
      const pick =
        manifest.manifests.find(
          m =>
            m.platform?.os === 'linux' && m.platform.architecture === 'amd64',
        ) ?? manifest.manifests[0];
      if (!DIGEST.test(pick.digest))
        throw new UpstreamError('bad-response', `${what}: bad digest in index`);
      manifest = checkShape(
        manifestSchema,
        (await get(`manifests/${pick.digest}`, MANIFEST_TYPES)).body,
        what,
      );
    }
    const digest = manifest.config?.digest;
    if (!digest || !DIGEST.test(digest)) {
      throw new UpstreamError(
        'bad-response',
        `${what}: the manifest names no image config (schema 1 images carry no labels)`,
      );
    }
    const config = checkShape(
      imageConfigSchema,
      (await get(`blobs/${digest}`, 'application/json, */*')).body,
      what,
    );
    return { configDigest: digest, labels: config.config?.Labels ?? {} };
  }

  private toImage(
    name: string,
    tag: string,
    repository: string,
    asset: z.infer<typeof assetSchema> | undefined,
  ): ImageArtifact {
    const sha256 = asset?.checksum?.sha256;
    const pushed = asset?.blobCreated ?? asset?.lastModified ?? undefined;
    return {
      repository,
      name,
      tag,
      digest: typeof sha256 === 'string' ? `sha256:${sha256}` : undefined,
      pushedAt: pushed ?? undefined,
      url: `${this.instance.baseUrl}/#browse/search/docker=${encodeURIComponent(
        `attributes.docker.imageName=${name} AND attributes.docker.imageTag=${tag}`,
      )}`,
    };
  }
}
