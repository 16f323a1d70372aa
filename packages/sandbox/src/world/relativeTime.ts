import type { World } from './types';

/** Keys whose ISO values are points in time of the world (commit dates, run starts, ...). */
const DATE_KEYS = new Set(['date', 'timestamp', 'created', 'openedAt']);
/** How long before the sandbox starts the world's newest event happened. */
export const NEWEST_EVENT_AGE_MS = 60 * 60 * 1000;
const MINUTE = 60 * 1000;

type Visit = (
  value: string,
  owner: Record<string, unknown>,
  key: string,
) => void;

function walk(value: unknown, visit: Visit): void {
  if (Array.isArray(value)) {
    value.forEach(v => walk(v, visit));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(obj)) {
    if (DATE_KEYS.has(key) && typeof v === 'string') visit(v, obj, key);
    else walk(v, visit);
  }
}

/** The newest moment of a world: its latest date, or end of run (`timestamp + durationMs`). */
export function newestEvent(world: World): number | undefined {
  let newest: number | undefined;
  walk(world, (iso, owner) => {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return;
    const end = typeof owner.durationMs === 'number' ? t + owner.durationMs : t;
    newest = newest === undefined ? end : Math.max(newest, end);
  });
  return newest;
}

/** The oldest moment of a world (or of a part of one): its earliest date or run start. */
export function oldestEvent(world: unknown): number | undefined {
  let oldest: number | undefined;
  walk(world, iso => {
    const t = Date.parse(iso);
    if (!Number.isNaN(t))
      oldest = oldest === undefined ? t : Math.min(oldest, t);
  });
  return oldest;
}

/**
 * The offset (ms, whole minutes) that moves a world's newest event to one hour before `now`.
 * @public
 */
export function worldTimeShift(world: World, now: number): number {
  const newest = newestEvent(world);
  if (newest === undefined) return 0;
  return Math.floor((now - NEWEST_EVENT_AGE_MS - newest) / MINUTE) * MINUTE;
}

/** Moves every date of a world by `offsetMs` (a new world; the input is not changed). */
export function shiftWorldBy(world: World, offsetMs: number): World {
  const copy = structuredClone(world);
  if (offsetMs === 0) return copy;
  walk(copy, (iso, owner, key) => {
    const t = Date.parse(iso);
    if (!Number.isNaN(t)) owner[key] = new Date(t + offsetMs).toISOString();
  });
  return copy;
}

/**
 * The world as seen from `now`: every date moved by one whole-minute offset so that the newest
 * event happened one hour before `now` (order and gaps between events are kept).
 * @public
 */
export function relativeWorld(world: World, now: number): World {
  return shiftWorldBy(world, worldTimeShift(world, now));
}
