import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/** A claim the stub received: who sent it and what. */
export interface ReceivedClaim {
  subject: string;
  body: { entityRef: string; annotations: Record<string, string> };
}

/**
 * A stand-in for the delivery backend's `POST /claims` (the real route is
 * tested in the delivery backend: services/claims/scaffolderClaims.test.ts):
 * authenticates the caller as a service like the real one and records what
 * it received, so the template tests can run without the delivery plugin.
 */
export function deliveryClaimsStub(received: ReceivedClaim[]) {
  return createBackendPlugin({
    pluginId: 'delivery',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          httpRouter.use(async (req, res, next) => {
            if (req.method !== 'POST' || req.path !== '/claims') {
              next();
              return;
            }
            try {
              const credentials = await httpAuth.credentials(req, {
                allow: ['service'],
              });
              let text = '';
              for await (const chunk of req) text += chunk;
              const body = JSON.parse(text) as ReceivedClaim['body'];
              received.push({ subject: credentials.principal.subject, body });
              res.status(201).json({ entityRef: body.entityRef });
            } catch (e) {
              next(e);
            }
          });
        },
      });
    },
  });
}
