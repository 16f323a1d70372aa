import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `delivery:config:add-release`. @public */
export const examples: TemplateExample[] = [
  {
    description: 'Open pull requests adding a new service to dev and prod',
    example: stringify({
      steps: [
        {
          id: 'config',
          action: 'delivery:config:add-release',
          name: 'Add the release to the config repos',
          input: {
            release: 'orders',
            image: '127.0.0.1:7103/stakater/orders',
            version: 'v0.0.1',
            environments: ['dev', 'prod'],
          },
        },
      ],
    }),
  },
  {
    description: 'Chain from delivery:code-repo:create',
    example: stringify({
      steps: [
        {
          id: 'config',
          action: 'delivery:config:add-release',
          name: 'Add the release to the config repos',
          input: {
            release: "${{ steps['code'].output.release }}",
            chart: "${{ steps['code'].output.chart }}",
            image: "${{ steps['code'].output.image }}",
            environments: '${{ parameters.environments }}',
          },
        },
      ],
    }),
  },
];
