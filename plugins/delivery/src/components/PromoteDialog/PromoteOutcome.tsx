import Alert from '@material-ui/lab/Alert';
import { Link } from '@backstage/core-components';
import type { PromotionResult } from '@gitops-delivery/backstage-plugin-delivery-common';

/** The pull request a promotion opened (or reused). Never merged by us. */
export function PromoteOutcome(props: { result: PromotionResult }) {
  const { result } = props;
  return (
    <Alert severity="success" role="status">
      {result.created
        ? `Opened a pull request promoting ${result.version} to ${result.environment}: `
        : `Reused existing pull request promoting ${result.version} to ${result.environment} (already open, nothing new was created): `}
      <Link to={result.url}>Pull request #{result.number}</Link>. Review and
      merge it in the config repo; the deploy runs after the merge.
    </Alert>
  );
}
