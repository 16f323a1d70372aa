import crypto from 'node:crypto';

/** A docker image tag stored in Nexus. @public */
export interface NexusComponent {
  repository: string;
  /** Image name, e.g. `stakater/xposer`. */
  name: string;
  /** Tag, e.g. `v0.0.20`. */
  version: string;
  /** ISO time the tag was pushed. */
  created: string;
  uploader: string;
  fileSize: number;
}

const hex = (algo: string, s: string) =>
  crypto.createHash(algo).update(s).digest('hex');

/** Deterministic digests of a component's manifest. */
export function digests(c: NexusComponent) {
  const key = `${c.repository}/${c.name}:${c.version}`;
  return {
    componentId: Buffer.from(
      `${c.repository}:${hex('md5', `component:${key}`)}`,
    )
      .toString('base64')
      .replace(/=+$/, ''),
    assetId: Buffer.from(`${c.repository}:${hex('md5', `asset:${key}`)}`)
      .toString('base64')
      .replace(/=+$/, ''),
    sha1: hex('sha1', key),
    sha256: hex('sha256', key),
    configSha256: hex('sha256', `config:${key}`),
    layerSha256: hex('sha256', `layer:${key}`),
  };
}

/** Images (docker components) of a Nexus 3 instance. @public */
export class NexusState {
  readonly components: NexusComponent[] = [];

  /** Pushes (or re-pushes) a tag. */
  push(c: NexusComponent): void {
    const i = this.components.findIndex(
      x =>
        x.repository === c.repository &&
        x.name === c.name &&
        x.version === c.version,
    );
    if (i >= 0) this.components.splice(i, 1);
    this.components.push(c);
  }

  repositories(): string[] {
    return [...new Set(this.components.map(c => c.repository))];
  }
}
