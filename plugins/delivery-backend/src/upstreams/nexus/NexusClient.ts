import { z } from 'zod';
import type { ImageArtifact } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { NexusInstanceConfig } from '../../configTypes';
import { basicAuth, checkShape, getJson } from '../http';

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

/** Images of one name, and whether paging was cut short. @public */
export interface ImageSearchResult {
  images: ImageArtifact[];
  incomplete: boolean;
  note?: string;
}

/**
 * Nexus 3 search client (`/service/rest/v1/search`), following
 * `continuationToken` up to a page cap and stopping on a repeated token.
 * @public
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
