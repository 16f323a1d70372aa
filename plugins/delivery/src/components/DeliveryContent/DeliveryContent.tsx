import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import { ThemeProvider } from '@material-ui/core/styles';
import { Progress, WarningPanel } from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CHART,
  ANNOTATION_CODE_JOB,
  ANNOTATION_IMAGE,
  isDeliveryAvailable,
  readDeliveryAnnotations,
  type DeliveryView,
  type EnvironmentView,
  type VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { DeliveryActionsProvider } from '../../hooks/DeliveryActionsContext';
import { useDeliveryLiveUpdates } from '../../hooks/useDeliveryLiveUpdates';
import { useDeliveryView } from '../../hooks/useDeliveryView';
import { viewSuggestsSetupProblem } from '../../utils/diagnostics';
import { readableTheme } from '../../utils/readableTheme';
import { DeliveryPerformance } from '../DeliveryPerformance';
import { SetupCheck } from '../SetupCheck';
import { DeliveryErrorPanel } from './DeliveryErrorPanel';
import { DeliveryLayout } from './DeliveryLayout';

/**
 * Props of the Delivery tab content (`EntityDeliveryContent`).
 * @public
 */
export interface DeliveryContentProps {
  /** Buttons per environment; default: Promote / Roll back / Re-sync (`EnvironmentActions`). */
  environmentActions?: (env: EnvironmentView, view: DeliveryView) => ReactNode;
  /** Buttons on a version's detail; default: Promote <version> to <env> (`VersionActions`). */
  versionActions?: (lineage: VersionLineage, view: DeliveryView) => ReactNode;
}

function LoadedDelivery(props: DeliveryContentProps & { entity: Entity }) {
  const { entity, ...actions } = props;
  const { annotations, problems } = readDeliveryAnnotations(entity);
  const { loading, error, value, retry } = useDeliveryView(entity);
  // refetch when the backend signals a change (webhooks); polls without signals
  useDeliveryLiveUpdates(stringifyEntityRef(entity), retry);
  return (
    <div data-testid="delivery-content">
      {problems.length > 0 && (
        <Box mb={2}>
          <WarningPanel
            title="Some delivery annotations are invalid and were ignored"
            defaultExpanded
          >
            <ul>
              {problems.map(p => (
                <li key={p.annotation}>{p.message}</li>
              ))}
            </ul>
          </WarningPanel>
        </Box>
      )}
      {loading && !value && <Progress />}
      {error && <DeliveryErrorPanel error={error} onRetry={retry} />}
      {value && !error && (
        <DeliveryActionsProvider entity={entity} onRefresh={retry}>
          <DeliveryLayout
            view={value}
            annotations={annotations}
            onRefresh={retry}
            refreshing={loading}
            {...actions}
          />
        </DeliveryActionsProvider>
      )}
      {(value || error) && (
        <Box mt={4}>
          <DeliveryPerformance entity={entity} />
        </Box>
      )}
      {(value || error) && (
        <Box mt={4}>
          <SetupCheck
            entity={entity}
            runNow={
              Boolean(error) ||
              Boolean(value && viewSuggestsSetupProblem(value))
            }
          />
        </Box>
      )}
    </div>
  );
}

/**
 * The entity page "Delivery" tab: environment matrix, version lineage, builds,
 * deploys and source health of the current entity, its delivery performance
 * (the four DORA keys from recorded history), and at the bottom the
 * setup check (every source and join checked, with fixes).
 */
export function DeliveryContent(props: DeliveryContentProps) {
  const { entity } = useEntity();
  if (!isDeliveryAvailable(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={[ANNOTATION_CODE_JOB, ANNOTATION_IMAGE, ANNOTATION_CHART]}
      />
    );
  }
  return (
    <ThemeProvider theme={readableTheme}>
      <LoadedDelivery entity={entity} {...props} />
    </ThemeProvider>
  );
}
