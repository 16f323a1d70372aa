import type {
  SourceErrorKind,
  SourceState,
} from '@gitops-delivery/backstage-plugin-delivery-common';

/** A failed source, ready to show. */
export interface SourceFailure {
  key: string;
  label: string;
  kind: SourceErrorKind;
  message: string;
}

const BASE_LABELS: Record<string, string> = {
  codeJenkins: 'Code Jenkins',
  nexus: 'Nexus',
  chartMuseum: 'ChartMuseum',
  configRepo: 'Config repo',
  deployJenkins: 'Deploy Jenkins',
  cluster: 'Cluster',
  promotions: 'Promotions',
  github: 'GitHub',
};

const KIND_HINTS: Record<SourceErrorKind, string> = {
  'not-configured': 'check the delivery section of app-config.yaml',
  'not-found': 'check the entity annotations and the configured names',
  unauthorized: 'check the credentials configured for this instance',
  timeout: 'the upstream is slow or down; try again later',
  unavailable: 'the upstream is down or unreachable; try again later',
  'bad-response': 'the upstream answered with something unexpected',
};

/** `Code Jenkins`, `Deploy Jenkins (prod)`. */
export function sourceLabel(key: string): string {
  const [base, env] = key.split(':', 2);
  const label = BASE_LABELS[base] ?? base;
  return env ? `${label} (${env})` : label;
}

/** What a user can do about a kind of failure. */
export function sourceErrorHint(kind: SourceErrorKind): string {
  return KIND_HINTS[kind] ?? '';
}

/** The failure of one source, or undefined when it is fine or absent. */
export function sourceFailure(
  sources: Record<string, SourceState>,
  key: string,
): SourceFailure | undefined {
  const state = sources[key];
  if (!state || state.status !== 'error') return undefined;
  return { key, label: sourceLabel(key), ...state.error };
}

/** Every failed source, in the order the view lists them. */
export function sourceFailures(
  sources: Record<string, SourceState>,
  keys: string[] = Object.keys(sources),
): SourceFailure[] {
  return keys.flatMap(key => {
    const failure = sourceFailure(sources, key);
    return failure ? [failure] : [];
  });
}

/** `Code Jenkins: timeout — no answer within 10000 ms`. */
export function describeFailure(failure: SourceFailure): string {
  return `${failure.label}: ${failure.kind} — ${failure.message}`;
}
