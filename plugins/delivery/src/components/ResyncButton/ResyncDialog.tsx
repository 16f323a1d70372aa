import { useId } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useApi } from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import type { EnvironmentView } from '@gitops-delivery/backstage-plugin-delivery-common';
import { deliveryApiRef } from '../../api';
import { describeError } from '../../utils/errors';
import { deliveryEntityRef } from '../../utils/promotion';

/** Props of {@link ResyncDialog}. */
export interface ResyncDialogProps {
  entity: Entity;
  environment: EnvironmentView;
  /** `changed` when a deploy was queued (or one was already running). */
  onClose: (changed: boolean) => void;
}

/** Confirms and runs a re-sync: the config-Jenkins deploy of what git pins. */
export function ResyncDialog(props: ResyncDialogProps) {
  const { entity, environment: env, onClose } = props;
  const api = useApi(deliveryApiRef);
  const titleId = useId();
  const textId = useId();
  const [state, run] = useAsyncFn(
    () => api.resync(deliveryEntityRef(entity), env.name),
    [api, entity, env.name],
  );
  const done = Boolean(state.value);
  return (
    <Dialog
      open
      onClose={() => onClose(done)}
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <DialogTitle id={titleId}>Re-sync {env.name}</DialogTitle>
      <DialogContent>
        <DialogContentText id={textId}>
          This re-runs the config-Jenkins deploy of {env.name}, which deploys
          what git pins in {env.configRepoUrl} ({env.branch}):{' '}
          <code>{env.pinnedVersion ?? 'the pinned version'}</code>. It does not
          deploy any other version; to change the version, promote it.
        </DialogContentText>
        <DialogContentText>Why: {env.statusReason}</DialogContentText>
        {state.error && (
          <Alert severity="error">
            The deploy was not started: {describeError(state.error)}
          </Alert>
        )}
        {state.value && (
          <Box mt={1}>
            <Alert
              severity={state.value.queued ? 'success' : 'info'}
              role="status"
            >
              {state.value.queued
                ? 'Deploy queued: '
                : 'A deploy is already running; nothing new was queued: '}
              <Link to={state.value.queueUrl}>
                {state.value.queued ? 'Queued deploy run' : 'Running deploy'}
              </Link>
            </Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(done)}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => run()}
            disabled={state.loading}
          >
            {state.loading ? 'Starting deploy…' : 'Re-run deploy'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
