import {
  ANNOTATION_CHART,
  ANNOTATION_CODE_JOB,
  ANNOTATION_ENVIRONMENTS,
  ANNOTATION_IMAGE,
  ANNOTATION_RELEASE,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { yamlFile } from '../lang/yaml';
import { CodeRepoSpec, imageName } from './types';

/** The code Jenkins multibranch job building the default branch: `[instance:]owner/name/branch`. */
export function codeJobAnnotation(spec: CodeRepoSpec): string {
  const job = `${spec.owner}/${spec.name}/${spec.defaultBranch}`;
  return spec.codeJenkinsInstance ? `${spec.codeJenkinsInstance}:${job}` : job;
}

/** The code repo's `catalog-info.yaml`: a Component with the delivery annotations. */
export function codeCatalogInfo(spec: CodeRepoSpec): string {
  const annotations: Record<string, string> = {
    'github.com/project-slug': `${spec.owner}/${spec.name}`,
    'backstage.io/source-location': `url:${spec.repoHtmlUrl}/tree/${spec.defaultBranch}/`,
    [ANNOTATION_CODE_JOB]: codeJobAnnotation(spec),
    [ANNOTATION_IMAGE]: imageName(spec),
    [ANNOTATION_CHART]: spec.name,
    [ANNOTATION_RELEASE]: spec.name,
  };
  if (spec.environments.length) {
    annotations[ANNOTATION_ENVIRONMENTS] = spec.environments.join(',');
  }
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: spec.name,
      ...(spec.description ? { description: spec.description } : {}),
      annotations,
      tags: [spec.language],
      links: [{ url: spec.repoHtmlUrl, title: 'Repository' }],
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: spec.componentOwner,
    },
  };
  return yamlFile(entity);
}
