import { digests, type NexusComponent } from './state';

/** `2023-07-27T21:38:10.664+00:00` as Nexus prints dates. */
export function nexusDate(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+00:00');
}

/** A ComponentXO as `/service/rest/v1/search` returns it (Nexus 3.75 shape). */
export function componentXO(base: string, c: NexusComponent) {
  const d = digests(c);
  const path = `/v2/${c.name}/manifests/${c.version}`;
  return {
    id: d.componentId,
    repository: c.repository,
    format: 'docker',
    group: '',
    name: c.name,
    version: c.version,
    assets: [
      {
        downloadUrl: `${base}/repository/${c.repository}${path}`,
        path,
        id: d.assetId,
        repository: c.repository,
        format: 'docker',
        checksum: { sha1: d.sha1, sha256: d.sha256 },
        contentType: 'application/vnd.docker.distribution.manifest.v2+json',
        lastModified: nexusDate(c.created),
        lastDownloaded: null,
        uploader: c.uploader,
        uploaderIp: '127.0.0.1',
        fileSize: c.fileSize,
        blobCreated: nexusDate(c.created),
        blobStoreName: 'default',
      },
    ],
  };
}

/** Schema 2 manifest of a tag (Docker Registry v2). */
export function manifest(c: NexusComponent): string {
  const d = digests(c);
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: 1512,
        digest: `sha256:${d.configSha256}`,
      },
      layers: [
        {
          mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: 2797541,
          digest:
            'sha256:c9b1b535fdd91a9855fb7f82348177e5f019329a58c53c47272962dd60f71fc9',
        },
        {
          mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: c.fileSize * 9000,
          digest: `sha256:${d.layerSha256}`,
        },
      ],
    },
    null,
    3,
  );
}
