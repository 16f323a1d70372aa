import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `delivery:code-repo:create`. */
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
      'Create a private Node service repo whose release branch is master (registry and chart repository come from app-config)',
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
            private: true,
          },
        },
      ],
    }),
  },
];
