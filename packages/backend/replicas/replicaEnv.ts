/**
 * What scripts/replicas.sh started, read from the environment it exports.
 * Run the tests through it: `yarn test:replicas` (root).
 */
export interface ReplicaEnv {
  replicas: { name: 'A' | 'B'; url: string; log: string; pid: number }[];
  sandboxControlUrl: string;
  githubApiUrl: string;
  deployJenkinsUrl: string;
  postgresUrl: string;
  redisUrl: string;
  intervalMinutes: number;
  /** The sandbox's credentials, as app-config.yaml reads them. */
  githubToken: string;
  deployJenkinsAuth: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the two-replica tests through scripts/replicas.sh (yarn test:replicas)`,
    );
  }
  return value;
}

export function readReplicaEnv(): ReplicaEnv {
  const intervalMinutes = Number(required('REPLICAS_INTERVAL_MINUTES'));
  if (!(intervalMinutes > 0))
    throw new Error('REPLICAS_INTERVAL_MINUTES must be a positive number');
  const deployUser = 'deploy-ci';
  const deployToken =
    process.env.SANDBOX_DEPLOY_JENKINS_TOKEN || 'deploy-jenkins-token';
  return {
    replicas: (['A', 'B'] as const).map(name => ({
      name,
      url: required(`REPLICA_${name}_URL`),
      log: required(`REPLICA_${name}_LOG`),
      pid: Number(required(`REPLICA_${name}_PID`)),
    })),
    sandboxControlUrl: required('SANDBOX_CONTROL_URL'),
    githubApiUrl: `${required('SANDBOX_GITHUB_URL')}/api/v3`,
    deployJenkinsUrl: required('SANDBOX_DEPLOY_JENKINS_URL'),
    postgresUrl: required('REPLICAS_PG_URL'),
    redisUrl: required('REDIS_URL'),
    intervalMinutes,
    githubToken: process.env.SANDBOX_GITHUB_TOKEN || 'sandbox-github-token',
    deployJenkinsAuth: `Basic ${Buffer.from(
      `${deployUser}:${deployToken}`,
    ).toString('base64')}`,
  };
}
