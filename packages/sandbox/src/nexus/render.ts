import { mediaTypes } from './image';
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
        contentType: mediaTypes.manifest,
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
