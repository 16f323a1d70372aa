import {
  formatDuration,
  formatRelativeTime,
  formatTimestamp,
  shortDigest,
} from './format';

describe('format', () => {
  const now = new Date('2026-11-26T05:00:00Z');

  it('formats relative times', () => {
    expect(formatRelativeTime('2026-11-26T02:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-24T05:00:00Z', now)).toBe('2 days ago');
    expect(formatRelativeTime('2026-11-26T04:59:58Z', now)).toBe(
      '2 seconds ago',
    );
    expect(formatRelativeTime('not a date', now)).toBe('not a date');
  });

  it('formats timestamps and durations', () => {
    expect(formatTimestamp('2026-11-25T16:03:00Z')).toBe(
      '2026-11-25 16:03 UTC',
    );
    expect(formatDuration(48000)).toBe('48s');
    expect(formatDuration(312000)).toBe('5m 12s');
    expect(formatDuration(3720000)).toBe('1h 2m');
    expect(formatDuration(-1)).toBe('—');
  });

  it('shortens digests', () => {
    expect(shortDigest('sha256:4f7c1e9a2b3d4c5e6f70')).toBe(
      'sha256:4f7c1e9a2b3d',
    );
    expect(shortDigest('abcdef0123456789')).toBe('abcdef012345');
  });
});
