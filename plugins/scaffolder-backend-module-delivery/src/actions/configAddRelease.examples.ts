import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `delivery:config:add-release`. */
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
    description:
      'Add a release aliased differently from its chart, pinned to a released version',
    example: stringify({
      steps: [
        {
          id: 'config',
          action: 'delivery:config:add-release',
          name: 'Add the release to the config repos',
          input: {
            release: 'orders-eu',
            chart: 'orders',
            image: '127.0.0.1:7103/stakater/orders',
            version: '1.2.3',
            environments: ['dev'],
          },
        },
      ],
    }),
  },
];
