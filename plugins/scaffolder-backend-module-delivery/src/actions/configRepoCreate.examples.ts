import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `delivery:config-repo:create`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Create the config repo (Helm v1 umbrella chart) of a new uat environment',
    example: stringify({
      steps: [
        {
          id: 'config-repo',
          action: 'delivery:config-repo:create',
          name: 'Create the uat config repository',
          input: {
            repoUrl: '127.0.0.1:7105?owner=gitops&repo=config-uat',
            environment: 'uat',
            owner: 'group:default/team-xposer',
            description: 'Umbrella chart of the uat environment',
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a Helm v2 config repo deploying to a differently named namespace',
    example: stringify({
      steps: [
        {
          id: 'config-repo',
          action: 'delivery:config-repo:create',
          name: 'Create the perf config repository',
          input: {
            repoUrl: 'http://127.0.0.1:7105/gitops/config-perf',
            environment: 'perf',
            namespace: 'performance',
            owner: 'group:default/team-xposer',
            requirementsPath: 'Chart.yaml',
          },
        },
      ],
    }),
  },
];
