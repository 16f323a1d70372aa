import { ReactElement } from 'react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { deliveryApiRef } from '../api';
import { DeliveryActionsProvider } from '../hooks/DeliveryActionsContext';
import type { FakeDeliveryApi } from './FakeDeliveryApi';
import { xposerEntity } from './xposerView';

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

/** Options of {@link renderWithDelivery}. */
export interface RenderWithDeliveryOptions {
  api: FakeDeliveryApi;
  /** Permission names the user is granted; default all. */
  allow?: string[];
  onRefresh?: () => void;
}

/** Renders UI as on xposer's Delivery tab with a fake API and permission policy. */
export function renderWithDelivery(ui: ReactElement, options: RenderWithDeliveryOptions) {
  const { api, allow, onRefresh = () => {} } = options;
  const permissionApi = mockApis.permission({
    authorize: request =>
      !allow || allow.includes(request.permission.name)
        ? ALLOW
        : DENY,
  });
  return renderInTestApp(
    <TestApiProvider apis={[[deliveryApiRef, api], [permissionApiRef, permissionApi]]}>
      <EntityProvider entity={xposerEntity}>
        <DeliveryActionsProvider entity={xposerEntity} onRefresh={onRefresh}>
          {ui}
        </DeliveryActionsProvider>
      </EntityProvider>
    </TestApiProvider>,
  );
}
