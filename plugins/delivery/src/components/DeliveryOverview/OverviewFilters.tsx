import { useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import type {
  DeliveryOverview,
  EnvironmentStatus,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  ENVIRONMENT_STATUSES,
  shortRef,
  type OverviewState,
} from '../../utils/overviewQuery';
import { environmentStatusDisplay } from '../../utils/status';

/** Props of {@link OverviewFilters}. */
export interface OverviewFiltersProps {
  state: OverviewState;
  /** Menus and counts from the last page loaded (they cover every row). */
  overview?: DeliveryOverview;
  /** A filter changed: the page goes back to the first. */
  onChange: (patch: Partial<OverviewState>) => void;
}

const ANY = '';

function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, value, options, onChange } = props;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 200 }}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        label={label}
        value={value ?? ANY}
        onChange={e => onChange((e.target.value as string) || undefined)}
      >
        <MenuItem value={ANY}>Any</MenuItem>
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Waits for the user to stop typing before searching (one request, not one per key). */
function SearchField(props: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  const { value, onChange } = props;
  const [text, setText] = useState(value ?? '');
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    if (text.trim() === (value ?? '')) return undefined;
    const timer = setTimeout(
      () => latest.current(text.trim() || undefined),
      300,
    );
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <TextField
      id="delivery-overview-search"
      variant="outlined"
      size="small"
      label="Search services"
      value={text}
      onChange={e => setText(e.target.value)}
    />
  );
}

/**
 * Owner, system and status menus, a search, and the one-click "Not in sync"
 * filter with the number of environments that are not in sync.
 */
export function OverviewFilters(props: OverviewFiltersProps) {
  const { state, overview, onChange } = props;
  const counts = overview?.statusCounts ?? {};
  const notInSyncCount = ENVIRONMENT_STATUSES.filter(s => s !== 'in-sync')
    .map(s => counts[s] ?? 0)
    .reduce((a, b) => a + b, 0);
  const statusOptions = ENVIRONMENT_STATUSES.map(s => ({
    value: s,
    label: `${environmentStatusDisplay(s).label} (${counts[s] ?? 0})`,
  }));
  // the selected ref stays an option before the menus load (or if it vanished)
  const refOptions = (refs: string[] | undefined, selected?: string) =>
    [...new Set([...(refs ?? []), ...(selected ? [selected] : [])])].map(r => ({
      value: r,
      label: shortRef(r),
    }));
  const filtered =
    state.owner ||
    state.system ||
    state.status ||
    state.notInSync ||
    state.search;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={2}
      role="search"
      aria-label="Filter the overview"
    >
      <Button
        variant={state.notInSync ? 'contained' : 'outlined'}
        color="primary"
        aria-pressed={state.notInSync}
        onClick={() => onChange({ notInSync: !state.notInSync })}
      >
        Not in sync
        {overview && ` (${notInSyncCount} environments)`}
      </Button>
      <FilterSelect
        id="delivery-overview-owner"
        label="Owner"
        value={state.owner}
        options={refOptions(overview?.owners, state.owner)}
        onChange={owner => onChange({ owner })}
      />
      <FilterSelect
        id="delivery-overview-system"
        label="System"
        value={state.system}
        options={refOptions(overview?.systems, state.system)}
        onChange={system => onChange({ system })}
      />
      <FilterSelect
        id="delivery-overview-status"
        label="Status"
        value={state.status}
        options={statusOptions}
        onChange={status =>
          onChange({ status: status as EnvironmentStatus | undefined })
        }
      />
      <SearchField
        value={state.search}
        onChange={search => onChange({ search })}
      />
      {filtered && (
        <Button
          onClick={() =>
            onChange({
              owner: undefined,
              system: undefined,
              status: undefined,
              notInSync: false,
              search: undefined,
            })
          }
        >
          Clear filters
        </Button>
      )}
    </Box>
  );
}
