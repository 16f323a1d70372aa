import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import { InfoCard } from '@backstage/core-components';
import type {
  DeliveryView,
  VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { pipelineSteps } from '../../utils/pipeline';
import { PipelineGraphic } from '../PipelineGraphic';
import { VersionActions } from '../VersionActions';
import { ChainList } from './ChainList';

/** Props of {@link VersionDetail}. */
export interface VersionDetailProps {
  lineage: VersionLineage;
  view: DeliveryView;
  /** Version-level buttons; defaults to {@link VersionActions} (Promote this version). */
  actions?: (lineage: VersionLineage, view: DeliveryView) => ReactNode;
}

/** One version's whole chain: the pipeline picture and a link to every upstream. */
export function VersionDetail(props: VersionDetailProps) {
  const { lineage, view, actions } = props;
  return (
    <InfoCard title={`Lineage of ${lineage.version}`}>
      <PipelineGraphic
        version={lineage.version}
        steps={pipelineSteps(lineage, view)}
      />
      <Box mt={2}>
        <ChainList lineage={lineage} view={view} />
      </Box>
      <Box mt={2}>
        {actions ? (
          actions(lineage, view)
        ) : (
          <VersionActions lineage={lineage} view={view} />
        )}
      </Box>
    </InfoCard>
  );
}
