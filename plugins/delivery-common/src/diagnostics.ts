/**
 * The delivery doctor: what `GET /api/delivery/entities/:namespace/:kind/:name/diagnostics`
 * returns. One check per source and per join, each saying what was looked for
 * and where, what was found, and for every failure the key to change.
 */

/** Outcome of one check. @public */
export type DiagnosticStatus = 'ok' | 'warning' | 'error' | 'skipped';

/** How to fix a failed check: the annotation or app-config key, with an example. @public */
export interface DiagnosticFix {
  /** `metadata.annotations.delivery/code-job`, `delivery.versionFrom`, `delivery.hostAliases`, ... */
  key: string;
  /** An example value for that key, ready to paste. */
  example: string;
  /** One sentence on what to change and why. */
  explanation: string;
}

/** One check of a source or a join. @public */
export interface DiagnosticCheck {
  /** Stable id, e.g. `source:codeJenkins`, `join:build-version`, `join:deploy-config-commit:dev`. */
  id: string;
  /** `source` for an upstream read, `join` for a link between two sources. */
  group: 'source' | 'join';
  /** Short human title, e.g. `Code Jenkins job`. */
  title: string;
  status: DiagnosticStatus;
  /** What was looked for, e.g. `job stakater/xposer/master on code Jenkins "code"`. */
  lookedFor: string;
  /** Where it was looked for: URL(s) without credentials. */
  where?: string[];
  /** What was found, e.g. `50 builds, newest #16`. */
  found?: string;
  /** The strategy or rule that matched, e.g. `gitTag`. */
  matched?: string;
  /** For failures and warnings. */
  fix?: DiagnosticFix;
}

/** The doctor's report for one entity. @public */
export interface DeliveryDiagnostics {
  entityRef: string;
  generatedAt: string;
  /** The version strategies in force for this entity, in order. */
  versionFrom: string[];
  checks: DiagnosticCheck[];
}
