import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModule } from './module';

describe('scaffolderModule', () => {
  it('registers the delivery actions with the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModule,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                {
                  host: '127.0.0.1:7105',
                  apiBaseUrl: 'http://127.0.0.1:7105/api/v3',
                  token: 't',
                },
              ],
            },
            delivery: { scaffolder: { allowedOwners: ['stakater'] } },
          },
        }),
      ],
    });
    const ids = addActions.mock.calls.flat().map((a: { id: string }) => a.id);
    expect(ids).toEqual([
      'delivery:code-repo:create',
      'delivery:config:add-release',
      'delivery:config-repo:create',
      'delivery:claims:record',
    ]);
  });
});
