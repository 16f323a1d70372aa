import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import type { DoraBand } from '@gitops-delivery/backstage-plugin-delivery-common';
import { BandChip } from '../BandChip';

/** Props of {@link DoraKeyCard}. */
export interface DoraKeyCardProps {
  /** `deployment-frequency`, ...: ids of the heading and the drill-down. */
  id: string;
  title: string;
  /** The figure, e.g. `1.3 / week`; `—` when nothing was measured. */
  figure: string;
  /** One line under the figure: how it was counted, or why it is missing. */
  detail: string;
  band?: DoraBand;
  chart: ReactNode;
  /** `the 9 deploys` (for `Show the 9 deploys`); no button when there is nothing to show. */
  drillDownItems?: string;
  drillDownOpen: boolean;
  onToggleDrillDown: () => void;
}

/** One DORA key: figure, band, trend chart and the button to its drill-down. */
export function DoraKeyCard(props: DoraKeyCardProps) {
  const {
    id,
    title,
    figure,
    detail,
    band,
    chart,
    drillDownItems,
    drillDownOpen,
    onToggleDrillDown,
  } = props;
  return (
    <Card
      variant="outlined"
      component="section"
      aria-labelledby={`${id}-title`}
      style={{ height: '100%' }}
    >
      <CardContent>
        <Typography variant="h6" component="h3" id={`${id}-title`}>
          {title}
        </Typography>
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          <Typography variant="h4" component="p" data-testid={`${id}-figure`}>
            {figure}
          </Typography>
          {band && <BandChip band={band} subject={title} />}
        </Box>
        <Typography variant="body2" color="textSecondary">
          {detail}
        </Typography>
        <Box mt={1}>{chart}</Box>
        {drillDownItems && (
          <Button
            size="small"
            color="primary"
            aria-expanded={drillDownOpen}
            aria-controls={drillDownOpen ? `${id}-drilldown` : undefined}
            onClick={onToggleDrillDown}
          >
            {drillDownOpen ? 'Hide' : 'Show'} {drillDownItems}
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
