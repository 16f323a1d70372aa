import { ReactNode } from 'react';
import { ThemeProvider } from '@material-ui/core/styles';
import { Content, Header, Page } from '@backstage/core-components';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { Container } from '@backstage/ui';
import { readableTheme } from '../../utils/readableTheme';
import { DeliveryOverviewContent } from './DeliveryOverviewContent';

function Providers({ children }: { children: ReactNode }) {
  return (
    <ReactRouterV6PageRouter>
      <ThemeProvider theme={readableTheme}>{children}</ThemeProvider>
    </ReactRouterV6PageRouter>
  );
}

/**
 * The overview as the new frontend system's page renders it: under the
 * app's own page header, in the app's content container.
 */
export function DeliveryOverview() {
  return (
    <Providers>
      <Container>
        <DeliveryOverviewContent />
      </Container>
    </Providers>
  );
}

/**
 * The organisation overview as a full page (header and content), for the
 * legacy frontend system.
 */
export function DeliveryOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Delivery overview"
        subtitle="Every service by environment: what is pinned, what runs, and how it delivers"
      />
      <Content>
        <Providers>
          <DeliveryOverviewContent />
        </Providers>
      </Content>
    </Page>
  );
}
