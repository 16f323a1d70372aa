import { createBackend } from '@backstage/backend-defaults';
import {
  deliveryLiveUpdatesModule,
  deliveryWebhooksModule,
} from '@gitops-delivery/backstage-plugin-delivery-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for local use, resolved to a demo user (see ./modules/guestSignIn)
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import(
    '@gitops-delivery/backstage-plugin-scaffolder-backend-module-delivery'
  ),
);

// permissions with the delivery policy (./permissions)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions/module'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications (delivery sends them to the entity's owners) and signals (live push to the UI)
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// events: webhooks in at /api/events/http/<topic>
backend.add(import('@backstage/plugin-events-backend'));

// delivery, and its live updates (webhooks -> cache invalidation -> signals)
backend.add(import('@gitops-delivery/backstage-plugin-delivery-backend'));
backend.add(deliveryWebhooksModule);
backend.add(deliveryLiveUpdatesModule);

backend.start();
