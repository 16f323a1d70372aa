import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { PERFORMANCE_PERIODS, type PerformancePeriod } from '../../utils/dora';

/** Props of {@link PeriodSelector}. */
export interface PeriodSelectorProps {
  value: PerformancePeriod;
  onChange: (days: PerformancePeriod) => void;
}

/** `30 days` / `90 days` / `180 days`: the selected one is pressed. */
export function PeriodSelector(props: PeriodSelectorProps) {
  const { value, onChange } = props;
  return (
    <ButtonGroup size="small" color="primary" aria-label="Period">
      {PERFORMANCE_PERIODS.map(days => (
        <Button
          key={days}
          variant={days === value ? 'contained' : 'outlined'}
          aria-pressed={days === value}
          onClick={() => onChange(days)}
        >
          {days} days
        </Button>
      ))}
    </ButtonGroup>
  );
}
