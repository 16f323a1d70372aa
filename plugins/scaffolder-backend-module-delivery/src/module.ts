import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createClaimsRecordAction } from './actions/claimsRecord';
import { createCodeRepoCreateAction } from './actions/codeRepoCreate';
import { createConfigAddReleaseAction } from './actions/configAddRelease';
import { createConfigRepoCreateAction } from './actions/configRepoCreate';

/**
 * Registers the delivery scaffolder actions: `delivery:code-repo:create`,
 * `delivery:config:add-release`, `delivery:config-repo:create` and
 * `delivery:claims:record`.
 * @public
 */
export const scaffolderModule = createBackendModule({
  moduleId: 'delivery',
  pluginId: 'scaffolder',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolderActions, config, auth, discovery }) {
        const integrations = ScmIntegrations.fromConfig(config);
        const options = { integrations, config };
        scaffolderActions.addActions(
          createCodeRepoCreateAction(options),
          createConfigAddReleaseAction(options),
          createConfigRepoCreateAction(options),
          createClaimsRecordAction({ auth, discovery }),
        );
      },
    });
  },
});
