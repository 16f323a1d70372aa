import { ConflictError, InputError } from '@backstage/errors';
import { ScaffolderEnvironment } from '../config';
import type { GitHubRepo } from '../github/githubRepo';
import { configRepoFiles } from '../layout/configRepo';
import {
  addDependency,
  releaseValuesFile,
  valuesPathFor,
} from '../layout/release';

/** A release to add to config repos; values already validated. */
export interface Release {
  release: string;
  chart: string;
  version: string;
  image: string;
  repository: string;
  configOwner: string;
}

/** The files to write in one environment's config repo, on top of `base` (undefined = empty repo). */
export async function releaseFiles(
  repo: GitHubRepo,
  env: ScaffolderEnvironment,
  rel: Release,
  base: string | undefined,
): Promise<Record<string, string>> {
  const valuesPath = valuesPathFor(env.valuesPath, rel.release);
  const values = releaseValuesFile({ ...rel, environment: env.name });
  const dep = {
    name: rel.chart,
    version: rel.version,
    repository: rel.repository,
    alias: rel.release,
  };
  if (!base) {
    const skeleton = configRepoFiles({
      name: repo.repo,
      owner: repo.owner,
      repoHtmlUrl: repo.htmlUrl,
      environment: env.name,
      namespace: env.name,
      branch: env.branch,
      description: '',
      componentOwner: rel.configOwner,
      chartRepositoryUrl: rel.repository,
      requirementsPath: env.requirementsPath,
    });
    const reqPath =
      env.requirementsPath === 'Chart.yaml'
        ? 'Chart.yaml'
        : 'requirements.yaml';
    return {
      ...skeleton,
      [reqPath]: addDependency(skeleton[reqPath], dep, reqPath),
      [valuesPath]: values,
    };
  }
  const requirements = (await repo.client.readFile(env.requirementsPath, base))
    ?.content;
  if (requirements === undefined) {
    throw new InputError(
      `${repo.owner}/${repo.repo} has no ${env.requirementsPath} on ${env.branch} (delivery.environments.${env.name}.requirementsPath)`,
    );
  }
  const edited = addDependency(requirements, dep, env.requirementsPath);
  if ((await repo.client.readFile(valuesPath, base)) !== undefined) {
    throw new ConflictError(
      `${repo.owner}/${repo.repo} already has ${valuesPath}`,
    );
  }
  return { [env.requirementsPath]: edited, [valuesPath]: values };
}
