import { ANNOTATION_ENVIRONMENTS } from '@gitops-delivery/backstage-plugin-delivery-common';
import { yamlFile } from '../lang/yaml';
import { deployJenkinsfile } from './jenkinsfile';
import { FileMap } from './types';

/** Everything a new config (umbrella chart) repo needs; values already validated. */
export interface ConfigRepoSpec {
  /** DNS-safe repo and umbrella chart name, e.g. config-dev. */
  name: string;
  owner: string;
  repoHtmlUrl: string;
  environment: string;
  namespace: string;
  branch: string;
  description: string;
  /** Catalog owner entity ref. */
  componentOwner: string;
  chartRepositoryUrl: string;
  /** `requirements.yaml` (Helm v1, default) or `Chart.yaml` (Helm v2 `dependencies:`). */
  requirementsPath: string;
}

/** The umbrella chart repo of one environment, by path. */
export function configRepoFiles(spec: ConfigRepoSpec): FileMap {
  const v2 = spec.requirementsPath === 'Chart.yaml';
  const chart = {
    apiVersion: v2 ? 'v2' : 'v1',
    name: spec.name,
    description:
      spec.description ||
      `Umbrella chart of the ${spec.environment} environment`,
    version: '0.1.0',
    ...(v2 ? { dependencies: [] } : {}),
  };
  const files: FileMap = {
    'Chart.yaml': yamlFile(
      chart,
      v2 ? ' Each service is pinned under dependencies (Helm v2)' : undefined,
    ),
    'values.yaml': yamlFile(
      { global: { environment: spec.environment } },
      ' Shared values; each release has its own <release>.yaml',
    ),
    Jenkinsfile: deployJenkinsfile({
      environment: spec.environment,
      namespace: spec.namespace,
      releaseName: spec.name,
      branch: spec.branch,
      chartRepositoryUrl: spec.chartRepositoryUrl,
    }),
    'catalog-info.yaml': yamlFile({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: spec.name,
        description: chart.description,
        annotations: {
          'github.com/project-slug': `${spec.owner}/${spec.name}`,
          'backstage.io/source-location': `url:${spec.repoHtmlUrl}/tree/${spec.branch}/`,
          [ANNOTATION_ENVIRONMENTS]: spec.environment,
        },
        links: [{ url: spec.repoHtmlUrl, title: 'Repository' }],
      },
      spec: { type: 'gitops-config', owner: spec.componentOwner },
    }),
  };
  if (!v2) {
    files['requirements.yaml'] = yamlFile(
      { dependencies: [] },
      ' One pinned chart per service; the deploy pipeline deploys them all',
    );
  }
  return files;
}
