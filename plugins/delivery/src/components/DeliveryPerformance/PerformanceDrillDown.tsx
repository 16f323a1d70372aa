import type { DeliveryPerformance } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  DoraChangesTable,
  DoraDeploysTable,
  DoraIncidentsTable,
} from './DrillDownTables';

/** The ids of the four keys (cards, headings and drill-downs). */
export type DoraKeyId =
  | 'deployment-frequency'
  | 'lead-time'
  | 'change-failure-rate'
  | 'time-to-restore';

function drillDownTitle(perf: DeliveryPerformance, key: DoraKeyId): string {
  const { deploymentFrequency: df, leadTime: lt } = perf;
  const { changeFailureRate: cfr, timeToRestore: ttr } = perf;
  switch (key) {
    case 'deployment-frequency':
      return `Deploys counted by the deployment frequency (${df.deploys.length})`;
    case 'lead-time':
      return `Changes counted by the lead time (${lt.changes.length})`;
    case 'change-failure-rate':
      return `Deploys counted by the change failure rate (${cfr.failed} failed of ${cfr.total})`;
    default:
      return `Incidents counted by the time to restore (${ttr.incidents.length})`;
  }
}

/**
 * The rows one key counts, as a full-width region under the cards: the
 * deploys, the changes, the deploys with why each failed (failed first), or
 * the incidents.
 */
export function PerformanceDrillDown(props: {
  perf: DeliveryPerformance;
  keyId: DoraKeyId;
}) {
  const { perf, keyId } = props;
  const title = drillDownTitle(perf, keyId);
  let table: JSX.Element;
  if (keyId === 'deployment-frequency') {
    table = (
      <DoraDeploysTable
        title={title}
        deploys={perf.deploymentFrequency.deploys}
      />
    );
  } else if (keyId === 'lead-time') {
    table = <DoraChangesTable title={title} changes={perf.leadTime.changes} />;
  } else if (keyId === 'change-failure-rate') {
    const failedFirst = [...perf.changeFailureRate.deploys].sort(
      (a, b) => Number(Boolean(b.failure)) - Number(Boolean(a.failure)),
    );
    table = (
      <DoraDeploysTable title={title} deploys={failedFirst} showFailure />
    );
  } else {
    table = (
      <DoraIncidentsTable
        title={title}
        incidents={perf.timeToRestore.incidents}
      />
    );
  }
  return (
    <section
      id={`${keyId}-drilldown`}
      aria-label={title}
      style={{ marginTop: 16 }}
    >
      {table}
    </section>
  );
}
