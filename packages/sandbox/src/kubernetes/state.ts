import crypto from 'node:crypto';

/** The parts of a Deployment the sandbox models. */
export interface DeploymentRecord {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  containers: Array<{ name: string; image: string }>;
  replicas: number;
  /** ISO times. */
  created: string;
  updated: string;
  generation: number;
  resourceVersion: number;
}

/** Deployments of the simulated cluster. @public */
export class KubernetesState {
  readonly deployments: DeploymentRecord[] = [];
  private version = 1000;

  list(namespace?: string): DeploymentRecord[] {
    return this.deployments.filter(
      d => !namespace || d.namespace === namespace,
    );
  }

  get(namespace: string, name: string): DeploymentRecord | undefined {
    return this.deployments.find(
      d => d.namespace === namespace && d.name === name,
    );
  }

  /** Creates or updates a Deployment (as `helm upgrade` would). */
  apply(
    d: Omit<DeploymentRecord, 'generation' | 'resourceVersion' | 'created'> & {
      created?: string;
    },
  ): DeploymentRecord {
    const existing = this.get(d.namespace, d.name);
    if (existing) {
      Object.assign(existing, {
        ...d,
        created: existing.created,
        generation: existing.generation + 1,
        resourceVersion: ++this.version,
      });
      return existing;
    }
    const rec: DeploymentRecord = {
      ...d,
      created: d.created ?? d.updated,
      generation: 1,
      resourceVersion: ++this.version,
    };
    this.deployments.push(rec);
    return rec;
  }

  /** `kubectl set image`: changes the image, not the labels. */
  setImage(
    namespace: string,
    name: string,
    image: string,
    container?: string,
    when = new Date().toISOString(),
  ): DeploymentRecord | undefined {
    const d = this.get(namespace, name);
    if (!d) return undefined;
    const c = container
      ? d.containers.find(x => x.name === container)
      : d.containers[0];
    if (!c) return undefined;
    c.image = image;
    d.generation++;
    d.resourceVersion = ++this.version;
    d.updated = when;
    return d;
  }
}

/** Deterministic uid of an object. */
export function uidOf(namespace: string, name: string): string {
  const h = crypto
    .createHash('md5')
    .update(`${namespace}/${name}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(
    16,
    20,
  )}-${h.slice(20, 32)}`;
}
