import {
  Link,
  type TableColumn,
  type TableOptions,
} from '@backstage/core-components';
import type {
  CommitRef,
  LinkEvidence,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import {
  formatDuration,
  formatRelativeTime,
  formatTimestamp,
} from '../../utils/format';
import { EvidenceMarker, MissingLinkMarker } from '../LinkEvidence';

/** The fields every Jenkins run row (code build or deploy run) shares. */
export interface RunRow {
  version?: string;
  building: boolean;
  startedAt: string;
  durationMs: number;
}

/**
 * Renders a commit as its linked short SHA followed by its message and how it
 * was found; a missing commit as a missing link, with the reason when the
 * backend gave one (`via.detail`).
 */
export function renderCommit(
  commit: CommitRef | undefined,
  via?: LinkEvidence,
  missingText = 'no commit found',
) {
  if (!commit) {
    return <MissingLinkMarker text={missingText} hint={via?.detail} />;
  }
  return (
    <>
      {commit.url ? (
        <Link to={commit.url}>
          <code>{commit.shortSha}</code>
        </Link>
      ) : (
        <code>{commit.shortSha}</code>
      )}{' '}
      {commit.message}
      {via && <EvidenceMarker evidence={via} block />}
    </>
  );
}

/** The `Version` column: the run's version, or `—`. */
export function versionColumn<T extends RunRow>(): TableColumn<T> {
  return { title: 'Version', field: 'version', render: r => r.version ?? '—' };
}

/** The `Started` column: relative time, exact timestamp as its title. */
export function startedColumn<T extends RunRow>(): TableColumn<T> {
  return {
    title: 'Started',
    field: 'startedAt',
    render: r => (
      <time dateTime={r.startedAt} title={formatTimestamp(r.startedAt)}>
        {formatRelativeTime(r.startedAt)}
      </time>
    ),
  };
}

/** The `Duration` column: `running` while building, else the duration. */
export function durationColumn<T extends RunRow>(): TableColumn<T> {
  return {
    title: 'Duration',
    field: 'durationMs',
    render: r => (r.building ? 'running' : formatDuration(r.durationMs)),
  };
}

/** Table options of a run history: dense, unsorted, paged only when needed. */
export function runTableOptions<T extends object>(
  rowCount: number,
  pageSize: number,
): TableOptions<T> {
  return {
    paging: rowCount > pageSize,
    pageSize,
    pageSizeOptions: [pageSize, pageSize * 2, pageSize * 5],
    search: false,
    sorting: false,
    padding: 'dense',
    draggable: false,
  };
}
