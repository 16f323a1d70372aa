import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ResponseErrorPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** What a user can do about a failed view request. */
export function errorAdvice(error: Error): string {
  const status = ResponseError.is(error) ? error.statusCode : undefined;
  switch (status) {
    case 401:
      return 'Your session has expired or you are not signed in: sign in again and reload.';
    case 403:
      return 'You are not allowed to read the delivery view of this entity: ask its owners or a Backstage admin.';
    case 404:
      return 'The delivery backend does not know this entity, or is not installed: check that @gitops-delivery/backstage-plugin-delivery-backend is added to packages/backend and that the entity exists in the catalog.';
    case 400:
      return 'The delivery backend rejected the request: check the delivery/* annotations of this entity.';
    default:
      return 'The delivery backend failed or is unreachable: try again; if it persists, check the backend logs.';
  }
}

/** The whole view failed: the error, what to do, and a retry button. */
export function DeliveryErrorPanel({
  error,
  onRetry,
}: {
  error: Error;
  onRetry: () => void;
}) {
  return (
    <Box>
      <ResponseErrorPanel
        error={error}
        title="Could not load the delivery view"
      />
      <Box mt={2} display="flex" alignItems="center" style={{ gap: 16 }}>
        <Typography variant="body2">{errorAdvice(error)}</Typography>
        <Button variant="outlined" color="primary" onClick={onRetry}>
          Retry
        </Button>
      </Box>
    </Box>
  );
}
