import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { MissingLink } from '@gitops-delivery/backstage-plugin-delivery-common';
import { keyLocation } from '../../utils/fixKey';
import { CopyableCode } from '../CopyableCode';

/** Props of {@link MissingLinkBox}. */
export interface MissingLinkBoxProps {
  missingLink: MissingLink;
}

/**
 * A link the status needed but could not make: which one, why, and the key
 * (with an example value to copy) that would supply it.
 */
export function MissingLinkBox(props: MissingLinkBoxProps) {
  const { link, reason, key, example } = props.missingLink;
  const where = keyLocation(key);
  return (
    <Alert severity="warning" role="note" aria-label={`Missing link: ${link}`}>
      <AlertTitle>Missing link: {link}</AlertTitle>
      <Typography variant="body2" paragraph>
        {reason}
      </Typography>
      <Typography variant="body2" component="div">
        Set <code>{key}</code>
        {where ? ` in ${where}` : ''}, e.g.
      </Typography>
      <CopyableCode text={example} what={`example value of ${key}`} />
    </Alert>
  );
}
