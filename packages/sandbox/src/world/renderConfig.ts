import { type World, type WorldEnvironment, type WorldService } from './types';
import { imageTagFor, serviceByRelease } from './derive';

/** Where rendered files point (known once the servers listen). */
export interface RenderContext {
  /** ChartMuseum base URL used as the Helm repository of every dependency. */
  chartRepoUrl: string;
  /** host:port of the Nexus docker registry, prefix of every image. */
  registryHost: string;
}

/** Path of the file holding the pins for an environment. */
export function pinsFile(env: WorldEnvironment): string {
  return env.format === 'chart' ? 'Chart.yaml' : 'requirements.yaml';
}

/** Path of the values file of a release. */
export function valuesFile(release: string): string {
  return `${release}.yaml`;
}

function dependencyBlock(
  world: World,
  env: WorldEnvironment,
  pins: Record<string, string>,
  ctx: RenderContext,
): string {
  const lines: string[] = [];
  for (const [release, version] of Object.entries(pins)) {
    const service = serviceByRelease(world, release);
    if (!service) continue;
    lines.push(
      `  # ${release}: ${service.description || service.name} (${
        service.codeRepo.owner
      }/${service.codeRepo.name})`,
    );
    lines.push(`  - name: ${service.chart}`);
    lines.push(
      `    version: ${env.quotePins ? JSON.stringify(version) : version}`,
    );
    lines.push(`    repository: ${ctx.chartRepoUrl}`);
    lines.push(`    alias: ${release}`);
  }
  return lines.join('\n');
}

function header(env: WorldEnvironment): string {
  return [
    `# Umbrella chart for the ${env.name} environment (namespace ${env.namespace}).`,
    `# Each dependency pins one service chart. Promote by bumping \`version\` in a pull request;`,
    `# the deploy Jenkins job ${env.deployJob} deploys ${env.configRepo.branch} on every merge.`,
  ].join('\n');
}

/** Renders the umbrella chart's Chart.yaml (v1 without, v2 with dependencies). */
export function renderChartYaml(
  world: World,
  env: WorldEnvironment,
  pins: Record<string, string>,
  ctx: RenderContext,
): string {
  if (env.format === 'requirements') {
    return [
      'apiVersion: v1',
      `name: ${env.configRepo.name}`,
      `description: Umbrella chart for the ${env.name} environment`,
      'version: 1.0.0',
      '',
    ].join('\n');
  }
  return [
    header(env),
    'apiVersion: v2',
    `name: ${env.configRepo.name}`,
    `description: Umbrella chart for the ${env.name} environment`,
    'type: application',
    'version: 1.0.0',
    'dependencies:',
    dependencyBlock(world, env, pins, ctx),
    '',
  ].join('\n');
}

/** Renders a Helm v1 requirements.yaml. */
export function renderRequirements(
  world: World,
  env: WorldEnvironment,
  pins: Record<string, string>,
  ctx: RenderContext,
): string {
  return [
    header(env),
    'dependencies:',
    dependencyBlock(world, env, pins, ctx),
    '',
  ].join('\n');
}

/** Renders the values file of one release, nested under the alias as Stakater does. */
export function renderValues(
  service: WorldService,
  release: string,
  env: WorldEnvironment,
  tag: string,
  ctx: RenderContext,
): string {
  const repo = `${ctx.registryHost}/${service.image}`;
  if (service.valuesStyle === 'application') {
    return [
      `# Values for ${release} in ${env.name}; the image tag follows the pinned chart version.`,
      `${release}:`,
      '  application:',
      '    deployment:',
      '      image:',
      `        repository: ${repo}`,
      `        tag: ${tag}`,
      '      replicas: 1',
      '',
    ].join('\n');
  }
  return [
    `# Values for ${release} in ${env.name}.`,
    `# Nested twice: the alias (${release}), then the chart's own top-level key (${service.chart}).`,
    `${release}:`,
    `  ${service.chart}:`,
    '    image:',
    `      name: ${repo}`,
    `      tag: ${tag}`,
    '    watchGlobally: false',
    '',
  ].join('\n');
}

/** All files of a config repo for the given pins. */
export function renderConfigFiles(
  world: World,
  env: WorldEnvironment,
  pins: Record<string, string>,
  valuesTags: Record<string, string>,
  ctx: RenderContext,
): Record<string, string> {
  const files: Record<string, string> = {
    'Chart.yaml': renderChartYaml(world, env, pins, ctx),
  };
  if (env.format === 'requirements')
    files['requirements.yaml'] = renderRequirements(world, env, pins, ctx);
  for (const [release, pin] of Object.entries(pins)) {
    const service = serviceByRelease(world, release);
    if (!service) continue;
    files[valuesFile(release)] = renderValues(
      service,
      release,
      env,
      imageTagFor(service, pin, valuesTags[release]),
      ctx,
    );
  }
  return files;
}

/** Files only the first config commit adds. */
export function configScaffold(env: WorldEnvironment): Record<string, string> {
  return {
    'README.md': `# ${env.configRepo.name}\n\nUmbrella chart deployed to the \`${env.namespace}\` namespace by the \`${env.deployJob}\` job.\n`,
    Jenkinsfile: `#!/usr/bin/groovy\n@Library('github.com/stakater/fabric8-pipeline-library@master') _\n\ndeployHelmChart {\n  namespace = '${env.namespace}'\n  releaseName = '${env.configRepo.name}'\n}\n`,
    '.helmignore': '.git/\n*.md\n',
  };
}
