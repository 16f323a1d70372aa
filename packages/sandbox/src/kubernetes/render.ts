import { uidOf, type DeploymentRecord } from './state';

const rfc3339 = (iso: string) =>
  new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An apps/v1 Deployment object. */
export function deploymentJson(d: DeploymentRecord) {
  const selector = {
    app: d.labels.app ?? d.name,
    release: d.labels.release ?? d.name,
  };
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: {
      name: d.name,
      namespace: d.namespace,
      uid: uidOf(d.namespace, d.name),
      resourceVersion: String(d.resourceVersion),
      generation: d.generation,
      creationTimestamp: rfc3339(d.created),
      labels: d.labels,
      annotations: {
        'deployment.kubernetes.io/revision': String(d.generation),
        'meta.helm.sh/release-name': d.labels.release ?? d.name,
        'meta.helm.sh/release-namespace': d.namespace,
      },
    },
    spec: {
      replicas: d.replicas,
      selector: { matchLabels: selector },
      template: {
        metadata: { creationTimestamp: null, labels: selector },
        spec: {
          containers: d.containers.map(c => ({
            name: c.name,
            image: c.image,
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
          })),
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 2,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: d.generation,
      replicas: d.replicas,
      updatedReplicas: d.replicas,
      readyReplicas: d.replicas,
      availableReplicas: d.replicas,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastUpdateTime: rfc3339(d.created),
          lastTransitionTime: rfc3339(d.created),
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: rfc3339(d.updated),
          lastTransitionTime: rfc3339(d.created),
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${d.name}-${uidOf(
            d.namespace,
            `${d.name}@${d.generation}`,
          ).slice(0, 10)}" has successfully progressed.`,
        },
      ],
    },
  };
}

/** Status object of an error. */
export function statusJson(
  code: number,
  reason: string,
  message: string,
  details?: Record<string, string>,
) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}
