import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `delivery:code-repo:create`. @public */
export const examples: TemplateExample[] = [
  {
    description: 'Create a Go service repo in the Xposer layout',
    example: stringify({
      steps: [
        {
          id: 'code',
          action: 'delivery:code-repo:create',
          name: 'Create the code repository',
          input: {
            repoUrl: '127.0.0.1:7105?owner=stakater&repo=orders',
            owner: 'group:default/team-xposer',
            description: 'Takes orders',
            language: 'go',
            environments: ['dev', 'staging'],
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a Node service repo with explicit registries and branch',
    example: stringify({
      steps: [
        {
          id: 'code',
          action: 'delivery:code-repo:create',
          name: 'Create the code repository',
          input: {
            repoUrl: 'http://127.0.0.1:7105/stakater/payments',
            owner: 'group:default/team-xposer',
            description: 'Takes payments',
            language: 'node',
            defaultBranch: 'master',
            dockerRegistry: '127.0.0.1:7103',
            chartRepositoryUrl: 'http://127.0.0.1:7104',
          },
        },
      ],
    }),
  },
];
