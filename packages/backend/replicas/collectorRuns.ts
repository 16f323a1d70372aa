import { readFileSync } from 'node:fs';

/** One finished history collector run, from a replica's log. */
export interface CollectorRunLine {
  replica: string;
  at: Date;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * The collector runs a replica logged ("History collected", the line the
 * delivery plugin's HistoryCollector writes at the end of each run), with the
 * logger's timestamp.
 */
export function collectorRunsIn(
  replica: string,
  logFile: string,
): CollectorRunLine[] {
  const runs: CollectorRunLine[] = [];
  for (const raw of readFileSync(logFile, 'utf8').split('\n')) {
    const line = raw.replace(ANSI, '');
    if (!line.includes(' History collected')) continue;
    const at = new Date(line.slice(0, line.indexOf(' ')));
    if (Number.isNaN(at.getTime()))
      throw new Error(`no timestamp at the start of: ${line.slice(0, 200)}`);
    runs.push({ replica, at });
  }
  return runs;
}

/** The runs of every replica between two instants, oldest first. */
export function collectorRunsBetween(
  logs: { replica: string; log: string }[],
  from: Date,
  to: Date,
): CollectorRunLine[] {
  return logs
    .flatMap(l => collectorRunsIn(l.replica, l.log))
    .filter(r => r.at >= from && r.at < to)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
