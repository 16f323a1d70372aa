import type { Entity } from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  readDeliveryAnnotations,
  type CodeBuildsPage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { DeliveryConfig } from '../../configTypes';
import { UpstreamError } from '../../upstreams/http';
import { annotationInstances } from './annotationInstances';
import type { SourceLoader } from './sources';
import { sourceLocationRemote } from './versions/codeRepo';
import { loadCodeSide } from './versions/codeSide';

/** Largest page of builds (Jenkins answers a range of any size in one request). */
export const MAX_BUILDS_PAGE = 100;

/**
 * A page of the entity's code-job builds, newest first, joined to commits
 * and versions exactly as the view joins its newest builds: one Jenkins
 * request per page (`allBuilds{offset,offset+limit}` past the newest), plus
 * what the version strategies read (shared, cached). The entity must have
 * been read as the caller. No usable code-job annotation, or a job Jenkins
 * does not know: 404; Jenkins failing: 503.
 */
export async function loadBuildsPage(
  deps: {
    config: DeliveryConfig;
    loader: SourceLoader;
    isMovingTag(tag: string): boolean;
  },
  entity: Entity,
  page: { offset: number; limit: number },
): Promise<CodeBuildsPage> {
  const { annotations, problems } = readDeliveryAnnotations(entity);
  const refs = annotationInstances(deps.config, annotations, problems);
  if (!refs.codeJob.ok) throw new NotFoundError(refs.codeJob.error.message);
  const image = refs.image.ok ? refs.image.value : undefined;
  try {
    const code = await loadCodeSide({
      loader: deps.loader,
      config: deps.config,
      instance: refs.codeJob.value.instance,
      job: refs.codeJob.value.id,
      page,
      sourceLocation: sourceLocationRemote(entity.metadata.annotations),
      strategies: annotations.versionFrom ?? deps.config.versionFrom,
      nexus: image ? { instance: image.instance, image: image.id } : undefined,
      // as in the view: Nexus failing leaves the image-based joins out
      images: async () => {
        if (!image) return [];
        try {
          return (await deps.loader.images(image.instance, image.id)).images;
        } catch {
          return [];
        }
      },
      isMovingTag: deps.isMovingTag,
    });
    return {
      offset: page.offset,
      limit: page.limit,
      builds: code.builds,
      hasMore: code.builds.length === page.limit,
    };
  } catch (e) {
    if (!(e instanceof UpstreamError)) throw e;
    if (e.kind === 'not-found') throw new NotFoundError(e.message);
    throw new ServiceUnavailableError(`Code builds: ${e.message}`);
  }
}
