import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import type { ValuesCheck } from '../../utils/values';

/** Props of {@link ValuesField}. */
export interface ValuesFieldProps {
  release: string;
  value: string;
  check: ValuesCheck;
  onChange: (value: string) => void;
  /** Re-runs the preview with these values; undefined when it is up to date. */
  onPreview?: () => void;
  disabled?: boolean;
}

/** The optional values YAML, validated as the user types (mapping only). */
export function ValuesField(props: ValuesFieldProps) {
  const { release, value, check, onChange, onPreview, disabled } = props;
  return (
    <Box mt={2}>
      <TextField
        id="delivery-promote-values"
        label="Values (optional YAML mapping)"
        placeholder={`${release}:\n  replicas: 2`}
        helperText={
          check.ok
            ? `Deep-merged into ${release}'s values file. Leave empty to change only the pinned version.`
            : check.error
        }
        error={!check.ok}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
        value={value}
        disabled={disabled}
        onChange={e => onChange(e.target.value)}
        inputProps={{ spellCheck: false, style: { fontFamily: 'monospace' } }}
      />
      {onPreview && (
        <Box mt={1}>
          <Button
            size="small"
            variant="outlined"
            onClick={onPreview}
            disabled={!check.ok || disabled}
          >
            Update preview
          </Button>
        </Box>
      )}
    </Box>
  );
}
