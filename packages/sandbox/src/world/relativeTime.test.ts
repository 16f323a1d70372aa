import { loadDefaultWorld, loadWorldFile } from './loader';
import {
  newestEvent,
  relativeWorld,
  shiftWorldBy,
  worldTimeShift,
} from './relativeTime';

describe('relative time', () => {
  const world = loadDefaultWorld();
  const now = Date.parse('2026-06-01T12:00:30Z');

  it('moves the newest event to one hour before now, in whole minutes', () => {
    const shift = worldTimeShift(world, now);
    expect(shift % 60000).toBe(0);
    const newest = newestEvent(relativeWorld(world, now))!;
    expect(now - newest).toBeGreaterThanOrEqual(60 * 60 * 1000);
    expect(now - newest).toBeLessThan(61 * 60 * 1000);
  });

  it('moves every date by the same offset and leaves the input alone', () => {
    const shifted = shiftWorldBy(world, 86400000);
    expect(shifted.services[0].commits[0].date).toBe(
      '2019-11-05T10:00:00.000Z',
    );
    expect(shifted.services[0].artifacts[0].created).toBe(
      '2019-10-03T09:12:00.000Z',
    );
    expect(shifted.services[0].builds[0].timestamp).toBe(
      '2019-11-05T10:05:00.000Z',
    );
    expect(shifted.environments[2].drift[0].date).toBe(
      '2020-03-02T03:12:00.000Z',
    );
    expect(shifted.environments[1].pulls[0].date).toBe(
      '2020-03-04T08:00:00.000Z',
    );
    expect(world.services[0].commits[0].date).toBe('2019-11-04T10:00:00Z');
  });

  it('moves the opening of merged pull requests too', () => {
    const dora = loadWorldFile('dora');
    const prod = shiftWorldBy(dora, 86400000).environments[2];
    expect(prod.commits[1].pull?.openedAt).toBe('2026-05-06T12:00:00.000Z');
    expect(prod.commits[1].date).toBe('2026-05-07T09:30:00.000Z');
  });

  it('is the same world for the same now', () => {
    expect(relativeWorld(world, now)).toEqual(relativeWorld(world, now));
  });
});
