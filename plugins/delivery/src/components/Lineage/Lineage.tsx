import { ReactNode, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import type {
  DeliveryView,
  VersionLineage,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { sourceFailures } from '../../utils/sources';
import { LineageTable } from '../LineageTable';
import { SourceErrorNotice } from '../SourceErrorNotice';
import { VersionDetail } from '../VersionDetail';

/** Props of {@link Lineage}. */
export interface LineageProps {
  view: DeliveryView;
  /** Slot for version-level buttons, passed to {@link VersionDetail}. */
  actions?: (lineage: VersionLineage, view: DeliveryView) => ReactNode;
}

/**
 * The version lineage: the versions table, the sources that feed it when they
 * failed, and the selected version's whole chain (the newest by default).
 */
export function Lineage(props: LineageProps) {
  const { view, actions } = props;
  const [selected, setSelected] = useState<string | undefined>(
    view.versions[0]?.version,
  );
  const lineage = view.versions.find(v => v.version === selected);
  const failures = sourceFailures(view.sources, [
    'codeJenkins',
    'nexus',
    'chartMuseum',
  ]);
  return (
    <Grid container spacing={2}>
      {failures.map(f => (
        <Grid item xs={12} key={f.key}>
          <SourceErrorNotice failure={f} />
        </Grid>
      ))}
      <Grid item xs={12}>
        <LineageTable view={view} selected={selected} onSelect={setSelected} />
      </Grid>
      {lineage && (
        <Grid item xs={12}>
          <VersionDetail lineage={lineage} view={view} actions={actions} />
        </Grid>
      )}
    </Grid>
  );
}
