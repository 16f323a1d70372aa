import Typography from '@material-ui/core/Typography';
import { EmptyState, WarningPanel } from '@backstage/core-components';
import type { EmptyReason } from '../../utils/emptyState';

/** Props of {@link DeliveryEmptyState}. */
export interface DeliveryEmptyStateProps {
  reasons: EmptyReason[];
  /** `page` replaces the whole tab; `notice` sits above the rest of it. */
  variant?: 'page' | 'notice';
}

function Hints({ hints }: { hints: string[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {hints.map(h => (
        <li key={h}>
          <Typography variant="body2" component="span">
            {h}
          </Typography>
        </li>
      ))}
    </ul>
  );
}

/** Says why there is nothing (yet) to show and which annotation or config key to fix. */
export function DeliveryEmptyState(props: DeliveryEmptyStateProps) {
  const { reasons, variant = 'page' } = props;
  if (reasons.length === 0) return null;
  if (variant === 'page') {
    return (
      <EmptyState
        missing="data"
        title={reasons.map(r => r.title).join('; ')}
        description={
          <>
            {reasons.map(r => (
              <Hints key={r.title} hints={r.hints} />
            ))}
          </>
        }
      />
    );
  }
  return (
    <>
      {reasons.map(r => (
        <WarningPanel
          key={r.title}
          severity="info"
          title={r.title}
          defaultExpanded
        >
          <Hints hints={r.hints} />
        </WarningPanel>
      ))}
    </>
  );
}
