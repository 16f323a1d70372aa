import type {
  EntitySnapshot,
  HistoryReader,
  RecordedAction,
  RecordedBuild,
  RecordedChange,
  RecordedDeploy,
  RecordedObservation,
  RecordedPinChange,
} from '../../services/history/types';

/** What {@link HistoryStore.deleteOlderThan} removed, per table. */
export type RetentionResult = Record<string, number>;

/**
 * The recorded delivery history: the reads of {@link HistoryReader} plus the
 * collector's writes. Every write is an upsert on the record's natural key,
 * so writing the same record twice leaves one row.
 */
export interface HistoryStore extends HistoryReader {
  putBuilds(rows: RecordedBuild[]): Promise<void>;
  putChanges(rows: RecordedChange[]): Promise<void>;
  putPinChanges(rows: RecordedPinChange[]): Promise<void>;
  putDeploys(rows: RecordedDeploy[]): Promise<void>;
  putActions(rows: RecordedAction[]): Promise<void>;
  /**
   * Records an observation only when the status or a version differs from
   * the environment's previous one. Returns that previous observation and
   * whether a row was written.
   */
  observe(
    row: RecordedObservation,
  ): Promise<{ previous?: RecordedObservation; recorded: boolean }>;
  putSnapshot(snapshot: EntitySnapshot): Promise<void>;
  /** Deletes the snapshots of entities not in `entityRefs` (gone from the catalog); returns how many. */
  keepSnapshotsOf(entityRefs: string[]): Promise<number>;
  /** Versions of this entity whose carried commits are already recorded. */
  versionsWithChanges(entityRef: string): Promise<Set<string>>;
  /** A source's cursor (JSON), as last set. */
  getCursor<T>(source: string): Promise<T | undefined>;
  setCursor(source: string, value: unknown): Promise<void>;
  /** Deletes events and sent-notification marks older than `cutoff` (snapshots and cursors stay). */
  deleteOlderThan(cutoff: Date): Promise<RetentionResult>;
  /** Whether the notification with this key was sent already. */
  wasNotified(key: string): Promise<boolean>;
  /** Marks a notification as sent (idempotent). */
  markNotified(key: string, entityRef: string, kind: string): Promise<void>;
}
