import { markdownCode, markdownText } from '../lang/markdown';
import { chartFiles } from './chart';
import { codeCatalogInfo } from './catalogInfo';
import { codeJenkinsfile } from './jenkinsfile';
import { applicationFiles } from './skeleton';
import { CodeRepoSpec, FileMap } from './types';

function readme(spec: CodeRepoSpec): string {
  return [
    `# ${markdownText(spec.name)}`,
    '',
    ...(spec.description ? [markdownText(spec.description), ''] : []),
    '## Layout',
    '',
    '- `build/package/Dockerfile`: the image the code Jenkins pushes to Nexus',
    `- ${markdownCode(
      `deployments/kubernetes/chart/${spec.name}/`,
    )}: the Helm chart pushed to ChartMuseum`,
    '- `deployments/kubernetes/manifests/`: the rendered chart (`make manifests`)',
    '- `.version`: the last released version; the pipeline bumps it and tags `vX`',
    '',
    'Deployments happen through the environment config repos, never from this pipeline.',
    '',
  ].join('\n');
}

/** Every file of a new code repo in the Xposer layout, by path. */
export function codeRepoFiles(spec: CodeRepoSpec): FileMap {
  return {
    'README.md': readme(spec),
    '.version': `${spec.initialVersion}\n`,
    '.gitignore': 'build/\nnode_modules/\n',
    Jenkinsfile: codeJenkinsfile(spec),
    'catalog-info.yaml': codeCatalogInfo(spec),
    ...applicationFiles(spec),
    ...chartFiles(spec),
  };
}
