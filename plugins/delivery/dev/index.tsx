/**
 * Standalone dev app for the Delivery tab: `yarn start` in this package.
 * Renders the tab for the `xposer` fixture entity against an in-memory
 * delivery API (no backend, no sandbox needed), in light and dark themes,
 * with its "Delivery performance" section (xposer's recorded prod history).
 * `/delivery` is the organisation overview (twelve fixture services,
 * filtered and paged as the backend does).
 * `/broken-setup` shows a new user's `payments-api` with a wrong job path;
 * `?case=version-from` or `?case=host-alias` there swaps in the other two
 * broken setups the Setup check explains.
 */
// dev/ is a standalone app (what packages/app's index.tsx does), not plugin
// code: without Backstage UI's stylesheet its pages have no layout.
// eslint-disable-next-line @backstage/no-ui-css-imports-in-non-frontend
import '@backstage/ui/css/styles.css';
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import deliveryPlugin, { deliveryApi } from '../src/alpha';
import { deliveryApiRef } from '../src/api';
import { FakeDeliveryApi } from '../src/__fixtures__/FakeDeliveryApi';
import { prodPreview, prodResult } from '../src/__fixtures__/promotion';
import { xposerEntity, xposerView } from '../src/__fixtures__/xposerView';
import {
  missingHostAliasDiagnostics,
  paymentsApiEntity,
  wrongJobPathDiagnostics,
  wrongJobPathView,
  wrongVersionFromDiagnostics,
} from '../src/__fixtures__/brokenSetup';
import { xposerDiagnostics } from '../src/__fixtures__/xposerDiagnostics';

function brokenDiagnostics() {
  const which = new URLSearchParams(window.location.search).get('case');
  if (which === 'version-from') return wrongVersionFromDiagnostics;
  if (which === 'host-alias') return missingHostAliasDiagnostics;
  return wrongJobPathDiagnostics;
}

const isPayments = (name: string) => name === paymentsApiEntity.metadata.name;

const fixtureApi = deliveryApi.override({
  params: defineParams =>
    defineParams({
      api: deliveryApiRef,
      deps: {},
      factory: () =>
        new FakeDeliveryApi(
          async entity =>
            isPayments(entity.name) ? wrongJobPathView : xposerView,
          {
            getDiagnostics: async entity =>
              isPayments(entity.name) ? brokenDiagnostics() : xposerDiagnostics,
            // every preview answers with the staging -> prod fixture, tagged
            // with what was asked, so the dialogs can be tried without a backend
            previewPromotion: async (_entity, request) => ({
              ...prodPreview,
              environment: request.environment,
              version: request.version,
            }),
            promote: async () => prodResult(),
            resync: async (_entity, environment) => ({
              environment,
              queueUrl: 'http://127.0.0.1:7102/queue/item/42/',
              queued: true,
            }),
          },
        ),
    }),
});

const devPage = PageBlueprint.make({
  name: 'dev',
  params: {
    path: '/',
    title: 'Delivery (fixture: xposer)',
    loader: () =>
      import('../src/components/DeliveryContent').then(m => (
        <EntityProvider entity={xposerEntity}>
          <m.DeliveryContent />
        </EntityProvider>
      )),
  },
});

const brokenSetupPage = PageBlueprint.make({
  name: 'broken-setup',
  params: {
    path: '/broken-setup',
    title: 'Delivery (fixture: broken setup)',
    loader: () =>
      import('../src/components/DeliveryContent').then(m => (
        <EntityProvider entity={paymentsApiEntity}>
          <m.DeliveryContent />
        </EntityProvider>
      )),
  },
});

const app = createApp({
  features: [
    deliveryPlugin.withOverrides({ extensions: [fixtureApi] }),
    createFrontendModule({
      pluginId: 'delivery',
      extensions: [devPage, brokenSetupPage],
    }),
  ],
});

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
