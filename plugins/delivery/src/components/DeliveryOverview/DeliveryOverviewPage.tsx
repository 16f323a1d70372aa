import { ThemeProvider } from '@material-ui/core/styles';
import { Content, Header, Page } from '@backstage/core-components';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { readableTheme } from '../../utils/readableTheme';
import { DeliveryOverviewContent } from './DeliveryOverviewContent';

/** The overview's content with the readable theme and its router adapter. */
export function DeliveryOverview() {
  return (
    <ReactRouterV6PageRouter>
      <ThemeProvider theme={readableTheme}>
        <DeliveryOverviewContent />
      </ThemeProvider>
    </ReactRouterV6PageRouter>
  );
}

/**
 * The organisation overview as a full page (header and content), for the
 * legacy frontend system; the new frontend system's page extension renders
 * {@link DeliveryOverview} under the app's own page header.
 */
export function DeliveryOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Delivery overview"
        subtitle="Every service by environment: what is pinned, what runs, and how it delivers"
      />
      <Content>
        <DeliveryOverview />
      </Content>
    </Page>
  );
}
