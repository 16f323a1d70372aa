import type { BuildResult } from '@gitops-delivery/backstage-plugin-delivery-common';
import { buildResultKind, buildResultLabel } from '../../utils/status';
import { StatusIndicator } from '../StatusIndicator';

/** Props of {@link BuildResultStatus}. */
export interface BuildResultStatusProps {
  result: BuildResult | null | undefined;
  building?: boolean;
  /** What the result belongs to, for screen readers, e.g. `Build #46`. */
  subject?: string;
}

/** A Jenkins result as a status indicator: `Success`, `Failed`, `Building`... */
export function BuildResultStatus(props: BuildResultStatusProps) {
  const { result, building, subject } = props;
  const label = buildResultLabel(result, building);
  return (
    <StatusIndicator
      kind={buildResultKind(result, building)}
      label={label}
      ariaLabel={subject ? `${subject}: ${label}` : label}
    />
  );
}
