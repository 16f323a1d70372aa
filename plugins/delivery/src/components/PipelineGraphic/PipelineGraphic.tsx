import { useTheme } from '@material-ui/core/styles';
import type { Theme } from '@material-ui/core/styles';
import { describeEvidence, viaLabel } from '../../utils/evidence';
import type { PipelineStep } from '../../utils/pipeline';

/** Props of {@link PipelineGraphic}. */
export interface PipelineGraphicProps {
  /** The version the chain belongs to, for the accessible title. */
  version: string;
  steps: PipelineStep[];
}

const GLYPHS: Record<PipelineStep['kind'], string> = {
  ok: '✓',
  error: '✕',
  warning: '!',
  pending: '…',
  running: '↻',
  aborted: '?',
  missing: '–',
};

const STEP_WIDTH = 120;
const HEIGHT = 108;
const RADIUS = 14;
const CY = 24;

function stepColour(theme: Theme, kind: PipelineStep['kind']): string {
  return kind === 'missing'
    ? theme.palette.text.disabled
    : theme.palette.status[kind];
}

function truncate(text: string, max = 18): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A compact picture of one version's chain
 * commit -> build -> image -> chart -> env pins -> deploy; each step coloured
 * by its status from the theme. The SVG has a title and a description that
 * spell out every step for screen readers.
 */
export function PipelineGraphic(props: PipelineGraphicProps) {
  const { version, steps } = props;
  const theme = useTheme();
  const id = `delivery-pipeline-${version.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const width = steps.length * STEP_WIDTH;
  const linked = steps.flatMap(s =>
    s.via ? [`${s.label.toLowerCase()} ${describeEvidence(s.via)}`] : [],
  );
  const description = `${steps
    .map(s => `${s.label}: ${s.state}${s.detail ? ` (${s.detail})` : ''}`)
    .join('; ')}.${linked.length ? ` Linked ${linked.join('; ')}.` : ''}`;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: width, display: 'block' }}
      data-testid="delivery-pipeline"
    >
      <title id={`${id}-title`}>{`Delivery pipeline of ${version}`}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {steps.map((step, i) => {
        const cx = STEP_WIDTH / 2 + i * STEP_WIDTH;
        const colour = stepColour(theme, step.kind);
        const next = steps[i + 1];
        return (
          <g key={step.key} data-step={step.key} data-status={step.kind}>
            {next && (
              <line
                x1={cx + RADIUS}
                y1={CY}
                x2={cx + STEP_WIDTH - RADIUS}
                y2={CY}
                stroke={
                  next.kind === 'missing'
                    ? theme.palette.divider
                    : stepColour(theme, next.kind)
                }
                strokeWidth={2}
                strokeDasharray={next.kind === 'missing' ? '4 4' : undefined}
              />
            )}
            <circle
              cx={cx}
              cy={CY}
              r={RADIUS}
              fill={
                step.kind === 'missing'
                  ? theme.palette.background.paper
                  : colour
              }
              stroke={colour}
              strokeWidth={2}
            />
            <text
              x={cx}
              y={CY + 5}
              textAnchor="middle"
              fontSize={14}
              fontWeight="bold"
              fill={
                step.kind === 'missing' ? colour : theme.palette.common.white
              }
              aria-hidden="true"
            >
              {GLYPHS[step.kind]}
            </text>
            <text
              x={cx}
              y={CY + RADIUS + 20}
              textAnchor="middle"
              fontSize={13}
              fontFamily={theme.typography.fontFamily}
              fill={theme.palette.text.primary}
            >
              {step.label}
            </text>
            <text
              x={cx}
              y={CY + RADIUS + 38}
              textAnchor="middle"
              fontSize={11}
              fontFamily={theme.typography.fontFamily}
              fill={theme.palette.text.secondary}
            >
              {truncate(step.detail)}
            </text>
            {step.via && (
              <text
                x={cx}
                y={CY + RADIUS + 56}
                textAnchor="middle"
                fontSize={11}
                fontStyle="italic"
                fontFamily={theme.typography.fontFamily}
                fill={theme.palette.text.secondary}
                aria-hidden="true"
              >
                <title>{step.via.detail}</title>
                {truncate(`via ${viaLabel(step.via.via)}`)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
