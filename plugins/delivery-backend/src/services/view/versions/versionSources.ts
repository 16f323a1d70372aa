import {
  ImageArtifact,
  normalizeVersion,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import pLimit from 'p-limit';
import type { SourceLoader } from '../sources';
import type { CodeRepo } from './codeRepo';
import type { RepoHistory } from './repoHistory';
import type { LabelledImage, VersionSources } from './resolveVersions';

/** Images whose labels are read when a strategy needs them (newest first). */
const MAX_LABELLED_IMAGES = 10;
const LABEL_CONCURRENCY = 4;

const REVISION = 'org.opencontainers.image.revision';
const VERSION = 'org.opencontainers.image.version';

/** The sources of one view, each read at most once (and through the cache). */
export interface ViewVersionSources extends VersionSources {
  /** The labels of one tag (for a pinned version without a build). */
  labelsOf(tag: string): Promise<LabelledImage | undefined>;
  /** The history if some strategy already read it (never triggers a read). */
  loadedHistory(): RepoHistory | undefined;
  /** Why the history could not be read, if it was tried and failed. */
  historyError(): string | undefined;
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

/** Builds the lazy sources the version strategies read. */
export function createVersionSources(input: {
  loader: SourceLoader;
  codeRepo?: CodeRepo;
  branch?: string;
  nexus?: { instance: string; image: string };
  images: () => Promise<ImageArtifact[]>;
  isMovingTag(tag: string): boolean;
}): ViewVersionSources {
  const { loader, codeRepo, nexus } = input;
  let loaded: RepoHistory | undefined;
  let error: string | undefined;

  const history = once(async () => {
    if (!codeRepo?.github || !input.branch) return undefined;
    try {
      loaded = await loader.repoHistory(
        codeRepo.github,
        codeRepo.remote.owner,
        codeRepo.remote.repo,
        input.branch,
      );
      return loaded;
    } catch (e) {
      error = (e as Error).message;
      throw e;
    }
  });

  const labelled = async (
    image: ImageArtifact,
  ): Promise<LabelledImage | undefined> => {
    if (!nexus) return undefined;
    const { labels } = await loader.imageLabels(
      nexus.instance,
      nexus.image,
      image.tag,
      image.digest,
    );
    const revision = labels[REVISION];
    if (!revision) return undefined;
    return {
      image: nexus.image,
      tag: image.tag,
      revision,
      version: labels[VERSION],
    };
  };

  const labelledImages = once(async () => {
    const images = (await input.images())
      .filter(i => !input.isMovingTag(i.tag))
      .sort(
        (a, b) =>
          Date.parse(b.pushedAt ?? '') - Date.parse(a.pushedAt ?? '') || 0,
      )
      .slice(0, MAX_LABELLED_IMAGES);
    const limit = pLimit(LABEL_CONCURRENCY);
    const out = await Promise.all(images.map(i => limit(() => labelled(i))));
    return out.filter((i): i is LabelledImage => Boolean(i));
  });

  return {
    history,
    labelledImages,
    fileAt: async (path, sha) =>
      codeRepo?.github
        ? loader.codeFileAt(
            codeRepo.github,
            codeRepo.remote.owner,
            codeRepo.remote.repo,
            path,
            sha,
          )
        : undefined,
    labelsOf: async tag => {
      const want = normalizeVersion(tag);
      const image = (await input.images()).find(
        i => normalizeVersion(i.tag) === want,
      );
      return image ? labelled(image) : undefined;
    },
    loadedHistory: () => loaded,
    historyError: () => error,
  };
}
