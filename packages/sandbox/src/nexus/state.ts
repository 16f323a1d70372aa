import crypto from 'node:crypto';
import type { NexusComponent } from './component';
import { manifest } from './image';

export type { NexusComponent } from './component';

const hex = (algo: string, s: string) =>
  crypto.createHash(algo).update(s).digest('hex');

/** Deterministic ids of a component and the digests of its manifest. */
export function digests(c: NexusComponent) {
  const key = `${c.repository}/${c.name}:${c.version}`;
  const body = manifest(c);
  return {
    componentId: Buffer.from(
      `${c.repository}:${hex('md5', `component:${key}`)}`,
    )
      .toString('base64')
      .replace(/=+$/, ''),
    assetId: Buffer.from(`${c.repository}:${hex('md5', `asset:${key}`)}`)
      .toString('base64')
      .replace(/=+$/, ''),
    /** sha1 and sha256 of the manifest bytes (the docker digest is `sha256:<sha256>`). */
    sha1: hex('sha1', body),
    sha256: hex('sha256', body),
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

  /** The component of a tag. */
  find(
    repository: string,
    name: string,
    tag: string,
  ): NexusComponent | undefined {
    return this.components.find(
      c => c.repository === repository && c.name === name && c.version === tag,
    );
  }

  repositories(): string[] {
    return [...new Set(this.components.map(c => c.repository))];
  }
}
