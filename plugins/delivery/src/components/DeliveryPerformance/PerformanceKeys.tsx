import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import type { DeliveryPerformance } from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  formatFrequency,
  formatHours,
  formatRate,
  plural,
  weeklySums,
} from '../../utils/dora';
import { DoraKeyCard } from './DoraKeyCard';
import { PerformanceDrillDown, type DoraKeyId } from './PerformanceDrillDown';
import { TrendChart } from './TrendChart';

const count = (v: number) => String(Math.round(v * 10) / 10);

/** The four keys as cards, and the drill-down of the one whose list is open. */
export function PerformanceKeys({ perf }: { perf: DeliveryPerformance }) {
  const [open, setOpen] = useState<DoraKeyId | undefined>();
  const { deploymentFrequency: df, leadTime: lt } = perf;
  const { changeFailureRate: cfr, timeToRestore: ttr } = perf;
  const days = perf.period.days;
  const env = perf.environment;
  const restored = ttr.incidents.filter(i => i.restoredAt).length;
  const stillOpen = ttr.incidents.length - restored;
  const toggle = (id: DoraKeyId) => () =>
    setOpen(o => (o === id ? undefined : id));

  const cards = [
    {
      id: 'deployment-frequency' as const,
      title: 'Deployment frequency',
      figure: formatFrequency(df.perWeek),
      detail: `${plural(
        df.count,
        'successful deploy',
      )} of a new version to ${env} in ${days} days`,
      band: df.band,
      chart: (
        <TrendChart
          label={
            days > 30
              ? `Deploys to ${env} per week`
              : `Deploys to ${env} per day`
          }
          points={days > 30 ? weeklySums(df.trend) : df.trend}
          kind="bar"
          format={count}
        />
      ),
      items: df.deploys.length
        ? `the ${plural(df.deploys.length, 'deploy')}`
        : undefined,
    },
    {
      id: 'lead-time' as const,
      title: 'Lead time for changes',
      figure: formatHours(lt.medianHours),
      detail:
        lt.medianHours === null
          ? `Not measured: no commit reached ${env} in this period`
          : `median, p90 ${formatHours(lt.p90Hours)}, over ${plural(
              lt.changes.length,
              'commit',
            )} from commit to running in ${env}`,
      band: lt.band,
      chart: (
        <TrendChart
          label="Median lead time per week"
          points={lt.trend}
          kind="line"
          format={formatHours}
        />
      ),
      items: lt.changes.length
        ? `the ${plural(lt.changes.length, 'change')}`
        : undefined,
    },
    {
      id: 'change-failure-rate' as const,
      title: 'Change failure rate',
      figure: formatRate(cfr.rate),
      detail:
        cfr.rate === null
          ? 'Not measured: no deploy of a new version in this period'
          : `${cfr.failed} of ${plural(
              cfr.total,
              'deploy',
            )} of a new version failed, were rolled back or broke ${env}`,
      band: cfr.band,
      chart: (
        <TrendChart
          label="Change failure rate per week"
          points={cfr.trend}
          kind="line"
          format={formatRate}
        />
      ),
      items: cfr.deploys.length
        ? `the ${plural(cfr.deploys.length, 'deploy')}, ${cfr.failed} failed`
        : undefined,
    },
    {
      id: 'time-to-restore' as const,
      title: 'Time to restore',
      figure: formatHours(ttr.medianHours),
      detail:
        ttr.medianHours === null
          ? `Not measured: no failure or drift of ${env} was restored in this period${
              stillOpen ? ` (${stillOpen} still open)` : ''
            }`
          : `median over ${plural(restored, 'restored incident')}${
              stillOpen ? `, ${stillOpen} still open` : ''
            }`,
      band: ttr.band,
      chart: (
        <TrendChart
          label="Median time to restore per week"
          points={ttr.trend}
          kind="line"
          format={formatHours}
        />
      ),
      items: ttr.incidents.length
        ? `the ${plural(ttr.incidents.length, 'incident')}`
        : undefined,
    },
  ];

  return (
    <>
      <Grid container spacing={2}>
        {cards.map(card => (
          <Grid item xs={12} md={6} lg={3} key={card.id}>
            <DoraKeyCard
              id={card.id}
              title={card.title}
              figure={card.figure}
              detail={card.detail}
              band={card.band}
              chart={card.chart}
              drillDownItems={card.items}
              drillDownOpen={open === card.id}
              onToggleDrillDown={toggle(card.id)}
            />
          </Grid>
        ))}
      </Grid>
      {open && <PerformanceDrillDown perf={perf} keyId={open} />}
    </>
  );
}
