import crypto from 'node:crypto';
import type { NexusComponent } from './component';

/** Media types of the Docker Registry v2 (schema 2) objects the sandbox serves. */
export const mediaTypes = {
  manifest: 'application/vnd.docker.distribution.manifest.v2+json',
  config: 'application/vnd.docker.container.image.v1+json',
  layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

const sha256 = (s: string) =>
  crypto.createHash('sha256').update(s).digest('hex');

/** The base layer every sandbox image shares (alpine 3.11's rootfs, as in the real fixture). */
const baseLayer = {
  size: 2797541,
  digest:
    'sha256:c9b1b535fdd91a9855fb7f82348177e5f019329a58c53c47272962dd60f71fc9',
  diffId:
    'sha256:5216338b40a7b96416b8b9858974bbe4acc3096ee60acbc4dfb1ee02aecceb10',
};

/** Identity of the image a tag points at (a moving tag shares its release's image). */
function imageKey(c: NexusComponent): string {
  return `${c.repository}/${c.name}:${c.imageOf ?? c.version}`;
}

function appLayer(c: NexusComponent) {
  const key = imageKey(c);
  return {
    size: c.fileSize * 9000,
    digest: `sha256:${sha256(`layer:${key}`)}`,
    diffId: `sha256:${sha256(`diff:${key}`)}`,
  };
}

/**
 * The image configuration blob (`application/vnd.docker.container.image.v1+json`), as
 * `docker build` writes it: labels in `config.Labels` (null without labels).
 */
export function imageConfig(c: NexusComponent): string {
  const created = c.imageCreated ?? c.created;
  const binary = `/${c.name.split('/').pop()}`;
  const labels = c.labels && Object.keys(c.labels).length ? c.labels : null;
  return JSON.stringify({
    architecture: 'amd64',
    config: {
      Env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      ],
      Entrypoint: [binary],
      WorkingDir: '/',
      Labels: labels,
    },
    created,
    history: [
      {
        created: '2020-01-23T16:53:13.133496208Z',
        created_by:
          '/bin/sh -c #(nop) ADD file:e69d441d729412d24675dcd33e04580885df99981cec43de8c9b24015313ff8e in / ',
      },
      { created, created_by: `COPY .${binary} ${binary} # buildkit` },
      ...(labels
        ? [
            {
              created,
              created_by: `LABEL ${Object.entries(labels)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}`,
              comment: 'buildkit.dockerfile.v0',
              empty_layer: true,
            },
          ]
        : []),
      {
        created,
        created_by: `ENTRYPOINT ["${binary}"]`,
        comment: 'buildkit.dockerfile.v0',
        empty_layer: true,
      },
    ],
    os: 'linux',
    rootfs: {
      type: 'layers',
      diff_ids: [baseLayer.diffId, appLayer(c).diffId],
    },
  });
}

/** `sha256:<hex>` of a blob's or manifest's bytes. */
export function digestOf(body: string): string {
  return `sha256:${sha256(body)}`;
}

/** Schema 2 manifest of a tag: its config blob's real digest and size, then two layers. */
export function manifest(c: NexusComponent): string {
  const config = imageConfig(c);
  const layer = appLayer(c);
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: mediaTypes.manifest,
      config: {
        mediaType: mediaTypes.config,
        size: Buffer.byteLength(config),
        digest: digestOf(config),
      },
      layers: [
        {
          mediaType: mediaTypes.layer,
          size: baseLayer.size,
          digest: baseLayer.digest,
        },
        { mediaType: mediaTypes.layer, size: layer.size, digest: layer.digest },
      ],
    },
    null,
    3,
  );
}
