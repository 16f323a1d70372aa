import type { WorldService } from './types';

/** Files of a code repo's first commit, in the Xposer layout. */
export function codeScaffold(
  service: WorldService,
  firstVersion: string,
  /** Branch or tag of the shared pipeline library the Jenkinsfile loads. */
  libraryRef = 'master',
): Record<string, string> {
  const chartDir = `deployments/kubernetes/chart/${service.chart}`;
  const v2 = service.chartApiVersion === 'v2';
  return {
    '.version': `${firstVersion}\n`,
    'README.md': `# ${service.name}\n\n${service.description}\n`,
    Dockerfile: `FROM alpine:3.11\nCOPY ./${service.name} /${service.name}\nENTRYPOINT ["/${service.name}"]\n`,
    Jenkinsfile: [
      '#!/usr/bin/groovy',
      `@Library('github.com/stakater/fabric8-pipeline-library@${libraryRef}') _`,
      '',
      'goBuildAndRelease {',
      `  chartRepositoryURL = 'chartmuseum'`,
      `  publicChartRepositoryURL = 'chartmuseum'`,
      `  publicChartGitURL = 'git@github.com:${service.codeRepo.owner}/${service.codeRepo.name}.git'`,
      '}',
      '',
    ].join('\n'),
    [`${chartDir}/Chart.yaml`]: [
      '# Generated from deployments/kubernetes/templates/chart/Chart.yaml.tmpl',
      '',
      `apiVersion: ${service.chartApiVersion}`,
      `name: ${service.chart}`,
      `description: ${service.description || service.name}`,
      `version: ${firstVersion}`,
      ...(v2 ? ['type: application', `appVersion: ${firstVersion}`] : []),
      '',
    ].join('\n'),
    [`${chartDir}/values.yaml`]: [
      `${service.chart}:`,
      '  image:',
      `    name: ${service.image}`,
      `    tag: "${firstVersion}"`,
      '    pullPolicy: IfNotPresent',
      '',
    ].join('\n'),
    'CHANGELOG.md': `# Changelog of ${service.name}\n`,
  };
}
