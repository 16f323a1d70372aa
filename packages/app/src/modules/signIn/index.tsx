import { SignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Guest sign-in for the local demo. The backend resolves the guest to the
 * demo user `user:default/guest`, a member of the team that owns the demo
 * services (see examples/org.yaml).
 */
const guestSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => props =>
      <SignInPage {...props} providers={['guest']} title="Delivery demo" />,
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [guestSignInPage],
});
