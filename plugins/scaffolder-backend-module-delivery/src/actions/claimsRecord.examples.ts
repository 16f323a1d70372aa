import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `delivery:claims:record`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Record the claims of the service the previous step created, before catalog:register',
    example: yaml.stringify({
      steps: [
        {
          id: 'claims',
          action: 'delivery:claims:record',
          name: 'Claim the release for the new entity',
          input: {
            entityRef: "${{ steps['code'].output.entityRef }}",
            release: "${{ steps['code'].output.release }}",
            chart: "${{ steps['code'].output.chart }}",
            image: "${{ steps['code'].output.image }}",
            codeJob: "${{ steps['code'].output.codeJob }}",
          },
        },
      ],
    }),
  },
];
