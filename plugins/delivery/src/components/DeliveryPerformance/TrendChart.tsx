import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type { DoraTrendPoint } from '@gitops-delivery/backstage-plugin-delivery-common';
import { visuallyHidden } from '../../utils/styles';

/** Props of {@link TrendChart}. */
export interface TrendChartProps {
  /** What one value is, e.g. `Deploys per day`; the hidden table's caption. */
  label: string;
  points: DoraTrendPoint[];
  /** Bars for counts (per day), a line for medians and rates (per week). */
  kind: 'bar' | 'line';
  /** Renders a value for the tooltip, the axis and the table. */
  format: (value: number) => string;
}

const useStyles = makeStyles({
  chart: { width: '100%', height: 140 },
  hidden: visuallyHidden,
});

/**
 * A small trend chart (recharts, SVG). The chart is hidden from screen
 * readers; its text alternative is the table of the same points beside it,
 * where a bucket with nothing to measure says so instead of 0.
 */
export function TrendChart(props: TrendChartProps) {
  const { label, points, kind, format } = props;
  const classes = useStyles();
  const theme = useTheme();
  const axisTick = { fill: theme.palette.text.secondary, fontSize: 11 };
  const colour = theme.palette.primary.main;
  const common = {
    data: points,
    responsive: true,
    accessibilityLayer: false,
    className: classes.chart,
    margin: { top: 8, right: 8, bottom: 0, left: -16 },
  };
  const axes = [
    <CartesianGrid
      key="grid"
      vertical={false}
      stroke={theme.palette.divider}
    />,
    <XAxis
      key="x"
      dataKey="date"
      tick={axisTick}
      tickFormatter={(d: string) => d.slice(5)}
      minTickGap={24}
    />,
    <YAxis
      key="y"
      tick={axisTick}
      allowDecimals={kind === 'line'}
      domain={
        kind === 'bar' ? [0, (max: number) => Math.max(1, max)] : [0, 'auto']
      }
      tickFormatter={(v: number) => format(v)}
      width={64}
    />,
    <Tooltip
      key="tooltip"
      formatter={(v: unknown) => [
        typeof v === 'number' ? format(v) : '—',
        label,
      ]}
    />,
  ];
  return (
    <>
      <div aria-hidden="true">
        {kind === 'bar' ? (
          <BarChart {...common}>
            {axes}
            <Bar dataKey="value" fill={colour} isAnimationActive={false} />
          </BarChart>
        ) : (
          <LineChart {...common}>
            {axes}
            <Line
              dataKey="value"
              stroke={colour}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </div>
      <table className={classes.hidden}>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {points.map(p => (
            <tr key={p.date}>
              <td>{p.date}</td>
              <td>
                {p.value === null ? 'nothing to measure' : format(p.value)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
