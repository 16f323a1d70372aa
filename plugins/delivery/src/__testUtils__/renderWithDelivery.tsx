import { screen, waitFor } from '@testing-library/react';
import { ReactElement } from 'react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { deliveryApiRef } from '../api';
import { DeliveryActionsProvider } from '../hooks/DeliveryActionsContext';
import type { FakeDeliveryApi } from '../__fixtures__/FakeDeliveryApi';
import { xposerEntity } from '../__fixtures__/xposerView';

// The decision type of mockApis.permission (AuthorizeResult.ALLOW | DENY),
// named without importing @backstage/plugin-permission-common, which this
// package does not depend on.
type Decision = ReturnType<
  Extract<
    NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize'],
    (request: never) => unknown
  >
>;
const ALLOW = 'ALLOW' as Decision;
const DENY = 'DENY' as Decision;

let entityCount = 0;

/**
 * xposer in a namespace of its own: `usePermission` caches decisions per
 * resource ref for the whole test file (SWR), so each test gets a new ref.
 */
export function freshEntity(): Entity {
  entityCount += 1;
  return {
    ...xposerEntity,
    metadata: { ...xposerEntity.metadata, namespace: `test-${entityCount}` },
  };
}

/** Options of {@link renderWithDelivery}. */
export interface RenderWithDeliveryOptions {
  api: FakeDeliveryApi;
  /** The entity in context; use {@link freshEntity} when permissions vary. */
  entity?: Entity;
  /** Permission names the user is granted; default all. */
  allow?: string[];
  onRefresh?: () => void;
}

/** Renders UI as on xposer's Delivery tab with a fake API and permission policy. */
export function renderWithDelivery(
  ui: ReactElement,
  options: RenderWithDeliveryOptions,
) {
  const { api, allow, entity = xposerEntity, onRefresh = () => {} } = options;
  const permissionApi = mockApis.permission({
    authorize: request =>
      !allow || allow.includes(request.permission.name) ? ALLOW : DENY,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [deliveryApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <DeliveryActionsProvider entity={entity} onRefresh={onRefresh}>
          {ui}
        </DeliveryActionsProvider>
      </EntityProvider>
    </TestApiProvider>,
  );
}

/** Waits until the named button is enabled (permissions load asynchronously). */
export async function findEnabledButton(
  name: string | RegExp,
): Promise<HTMLElement> {
  return waitFor(() => {
    const button = screen.getByRole('button', { name });
    expect(button).toBeEnabled();
    return button;
  });
}
