import type {
  DeliveryView,
  DiagnosticCheck,
  DiagnosticStatus,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import type { StatusKind } from './status';

const ORDER: DiagnosticStatus[] = ['error', 'warning', 'skipped', 'ok'];

/** Counts of checks per status. */
export type DiagnosticCounts = Record<DiagnosticStatus, number>;

/** How many checks are ok, warnings, errors, skipped. */
export function countChecks(checks: DiagnosticCheck[]): DiagnosticCounts {
  const counts: DiagnosticCounts = { ok: 0, warning: 0, error: 0, skipped: 0 };
  checks.forEach(c => {
    counts[c.status] = (counts[c.status] ?? 0) + 1;
  });
  return counts;
}

/** `2 errors · 1 warning · 13 OK · 1 skipped` (empty counts left out). */
export function summarizeChecks(counts: DiagnosticCounts): string {
  const plural = (n: number, one: string, many: string) =>
    `${n} ${n === 1 ? one : many}`;
  const parts = [
    counts.error ? plural(counts.error, 'error', 'errors') : '',
    counts.warning ? plural(counts.warning, 'warning', 'warnings') : '',
    counts.ok ? `${counts.ok} OK` : '',
    counts.skipped ? `${counts.skipped} skipped` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no checks';
}

/** The checks of one group, failures first (stable within a status). */
export function checksOfGroup(
  checks: DiagnosticCheck[],
  group: DiagnosticCheck['group'],
): DiagnosticCheck[] {
  return checks
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.group === group)
    .sort(
      (a, b) =>
        ORDER.indexOf(a.c.status) - ORDER.indexOf(b.c.status) || a.i - b.i,
    )
    .map(({ c }) => c);
}

const DISPLAY: Record<DiagnosticStatus, { kind: StatusKind; label: string }> = {
  ok: { kind: 'ok', label: 'OK' },
  warning: { kind: 'warning', label: 'Warning' },
  error: { kind: 'error', label: 'Error' },
  skipped: { kind: 'aborted', label: 'Skipped' },
};

/** How a check status is shown. */
export function diagnosticStatusDisplay(status: DiagnosticStatus) {
  return DISPLAY[status] ?? DISPLAY.skipped;
}

/**
 * Whether the view itself shows signs of a setup problem, so the setup check
 * is worth running at once rather than on demand: a failed source, an
 * environment whose status is unknown, no versions at all, the newest version
 * without its build or commit, or successful builds that named no version.
 */
export function viewSuggestsSetupProblem(view: DeliveryView): boolean {
  if (Object.values(view.sources).some(s => s.status === 'error')) return true;
  if (view.environments.some(e => e.status === 'unknown' || e.missingLink))
    return true;
  if (view.versions.length === 0) return true;
  const newest = view.versions[0];
  if (view.builds.length > 0 && (!newest.links?.build || !newest.links?.commit))
    return true;
  return view.builds.some(
    b => b.result === 'SUCCESS' && !b.building && !b.version,
  );
}
