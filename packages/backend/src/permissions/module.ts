import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DeliveryPermissionPolicy } from './DeliveryPermissionPolicy';

/** Installs {@link DeliveryPermissionPolicy} as the permission policy. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'delivery-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DeliveryPermissionPolicy());
      },
    });
  },
});
