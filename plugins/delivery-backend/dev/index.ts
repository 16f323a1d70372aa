import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// Standalone run of the delivery backend with a mocked catalog holding the
// demo `xposer` component. Start the sandbox first, then `yarn start` here
// (reads the repo's app-config.yaml `delivery` block) and try:
//
//   curl http://localhost:7007/api/delivery/entities/default/component/xposer

const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'xposer',
          annotations: {
            'delivery/code-job': 'code:stakater/xposer/master',
            'delivery/image': 'stakater/xposer',
            'delivery/chart': 'xposer',
          },
        },
        spec: {
          type: 'service',
          owner: 'group:default/team-xposer',
          lifecycle: 'production',
        },
      },
    ],
  }),
);
backend.add(import('../src'));
backend.start();
