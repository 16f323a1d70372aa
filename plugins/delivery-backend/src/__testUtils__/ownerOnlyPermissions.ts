import type { PermissionsService } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/**
 * A PermissionsService for route tests: `authorize` allows every request of
 * the user `owner` and denies everyone else's; `authorize` is a jest mock
 * (calls can be inspected, the implementation replaced).
 */
export function ownerOnlyPermissions(owner: string) {
  const authorize = jest.fn(
    async (
      requests: unknown[],
      {
        credentials,
      }: { credentials: { principal: { userEntityRef?: string } } },
    ) =>
      requests.map(() => ({
        result:
          credentials.principal.userEntityRef === owner
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
  );
  const permissions = {
    authorize,
    authorizeConditional: jest.fn(),
  } as unknown as PermissionsService;
  return { authorize, permissions };
}
