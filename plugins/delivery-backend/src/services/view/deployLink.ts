import type { MissingLink } from '@gitops-delivery/backstage-plugin-delivery-common';
import type { EnvironmentConfig } from '../../configTypes';
import { parseGitRemote } from '../../upstreams/git/remote';
import type { RawDeployRun } from './fromJenkinsBuild';

/**
 * Why a deploy run's config commit (or the pin at it) is not known, and the
 * app-config key that would supply it, with an example value.
 */
export function missingDeployLink(
  env: EnvironmentConfig,
  run: RawDeployRun,
  release: string,
  pinKnown: boolean,
): MissingLink | undefined {
  const path = `delivery.environments[${env.index}]`;
  const link = 'deploy run -> config commit';
  if (run.configSha) {
    if (pinKnown) return undefined;
    return {
      link: 'config commit -> pinned version',
      reason: `the pin of ${release} at config commit ${run.configSha.slice(
        0,
        7,
      )} could not be read from ${env.requirementsPath}`,
      key: `${path}.requirementsPath`,
      example:
        env.requirementsPath === 'Chart.yaml'
          ? 'Chart.yaml'
          : 'requirements.yaml',
    };
  }
  const host = new URL(env.configRepoUrl).host;
  const other = run.otherHostRemotes[0];
  if (other) {
    const alias = parseGitRemote(other)?.host ?? other;
    return {
      link,
      reason: `run #${run.number} checked out ${other}, and ${alias} is not configured as another name of ${host}`,
      key: 'delivery.hostAliases',
      example: `[{ host: '${host}', aliases: ['${alias}'] }]`,
    };
  }
  if (!run.remotes.length) {
    return {
      link,
      reason: `run #${run.number} recorded no git checkout (no BuildData)`,
      key: `${path}.deployJob`,
      example: `${env.deployJob.instance}:${env.deployJob.job}`,
    };
  }
  const seen = run.remotes.slice(0, 3).join(', ');
  return {
    link,
    reason: `run #${run.number} checked out ${seen}, none of them ${env.configRepoUrl}`,
    key: `${path}.configRepo`,
    example: suggestRepo(run.remotes, host) ?? env.configRepoUrl,
  };
}

/** A config repo URL on the integration's host, from a remote the job checked out. */
function suggestRepo(remotes: string[], host: string): string | undefined {
  for (const r of remotes) {
    const p = parseGitRemote(r);
    if (p && !/pipeline-library|jenkins-shared|shared-library/.test(p.repo))
      return `https://${host}/${p.owner}/${p.repo}`;
  }
  return undefined;
}
