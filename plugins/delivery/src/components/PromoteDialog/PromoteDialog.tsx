import { useId, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Link } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import type { PromotionPreview } from '@gitops-delivery/backstage-plugin-delivery-common';
import { describeError } from '../../utils/errors';
import { deliveryEntityRef } from '../../utils/promotion';
import { checkValuesYaml, type ValuesCheck } from '../../utils/values';
import { DiffView } from '../DiffView';
import { GateList } from '../GateList';
import { PromoteOutcome } from './PromoteOutcome';
import { PromoteSummary } from './PromoteSummary';
import { usePromotion, type PromotionState } from './usePromotion';
import { ValuesField } from './ValuesField';

/** Props of {@link PromoteDialog}. */
export interface PromoteDialogProps {
  entity: Entity;
  /** Target environment. */
  environment: string;
  version: string;
  /** The version pinned in the target now (until the preview says). */
  currentVersion?: string;
  /** Where the version comes from, e.g. `running in staging`. */
  source?: string;
  mode?: 'promote' | 'rollback';
  /** Called on close; `changed` when a pull request was opened or reused. */
  onClose: (changed: boolean) => void;
}

/** Why "Open pull request" is disabled, if it is. */
export function submitBlocker(
  state: Pick<PromotionState, 'preview' | 'previewedValues'>,
  check: ValuesCheck,
): string | undefined {
  const { preview, previewedValues } = state;
  if (!check.ok) return 'Fix the values YAML first.';
  if (check.values !== previewedValues) {
    return 'Update the preview to see your values in the diff before opening the pull request.';
  }
  if (preview.loading) return 'Loading the preview…';
  if (preview.error || !preview.value)
    return 'The preview failed; nothing can be submitted.';
  return previewBlocker(preview.value);
}

/** Why the preview says the promotion cannot proceed (permission, first failed gate, ...). */
export function previewBlocker(preview: PromotionPreview): string | undefined {
  if (!preview.allowed) return 'You need to own this entity to promote.';
  const failed = preview.gates.find(g => !g.ok);
  if (failed) return failed.message;
  return preview.blockedReason;
}

function Heading(props: { children: string }) {
  return (
    <Box mt={2}>
      <Typography variant="h6" component="h3">
        {props.children}
      </Typography>
    </Box>
  );
}

/**
 * Previews and opens a promotion pull request: source version, target, pin
 * change, gates, the proposed diff, optional values, the open PR if any, then
 * "Open pull request" and the PR link. There is never a merge button.
 */
export function PromoteDialog(props: PromoteDialogProps) {
  const {
    entity,
    environment,
    version,
    source,
    mode = 'promote',
    onClose,
  } = props;
  const titleId = useId();
  const blockerId = useId();
  const name = entity.metadata.name;
  const state = usePromotion(
    deliveryEntityRef(entity),
    environment,
    version,
    true,
  );
  const { preview, result } = state;
  const [valuesText, setValuesText] = useState('');
  const check = checkValuesYaml(valuesText);
  const blocker = submitBlocker(state, check);
  const done = Boolean(result.value);
  const title =
    mode === 'rollback'
      ? `Roll back ${name} in ${environment}`
      : `Promote ${name} to ${environment}`;
  const existing = preview.value?.existingPullRequest;

  return (
    <Dialog
      open
      onClose={() => onClose(done)}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers>
        <PromoteSummary
          version={preview.value?.version ?? version}
          source={source}
          environment={environment}
          currentVersion={
            preview.value?.previousVersion ?? props.currentVersion
          }
        />
        {preview.loading && (
          <Box mt={2}>
            <LinearProgress aria-label="Loading the promotion preview" />
          </Box>
        )}
        {preview.error && (
          <Box mt={2}>
            <Alert severity="error">
              Could not preview the promotion: {describeError(preview.error)}
            </Alert>
          </Box>
        )}
        {preview.value && (
          <>
            {existing && (
              <Box mt={2}>
                <Alert severity="info">
                  A promotion pull request for this version is already open:{' '}
                  <Link to={existing.url}>Pull request #{existing.number}</Link>
                  . Submitting returns it instead of opening another.
                </Alert>
              </Box>
            )}
            <Heading>Gates</Heading>
            <GateList gates={preview.value.gates} />
            <Heading>Proposed change</Heading>
            <DiffView changes={preview.value.changes} />
          </>
        )}
        {!done && (
          <ValuesField
            release={name}
            value={valuesText}
            check={check}
            onChange={setValuesText}
            disabled={result.loading}
            onPreview={
              check.ok && check.values !== state.previewedValues
                ? () => state.refreshPreview(check.values)
                : undefined
            }
          />
        )}
        {result.error && (
          <Box mt={2}>
            <Alert severity="error">
              The pull request was not opened: {describeError(result.error)}
            </Alert>
          </Box>
        )}
        {result.value && (
          <Box mt={2}>
            <PromoteOutcome result={result.value} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {!done && blocker && (
          <Typography variant="caption" color="textSecondary" id={blockerId}>
            {blocker}
          </Typography>
        )}
        <Button onClick={() => onClose(done)}>
          {done ? 'Close' : 'Cancel'}
        </Button>
        {!done && (
          <Button
            variant="contained"
            color="primary"
            disabled={Boolean(blocker) || result.loading}
            aria-describedby={blocker ? blockerId : undefined}
            onClick={state.submit}
          >
            {result.loading ? 'Opening pull request…' : 'Open pull request'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
