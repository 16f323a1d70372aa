import { SnapshotCache } from './SnapshotCache';
import { generatedSnapshots } from './__testUtils__/generatedSnapshots';

describe('SnapshotCache', () => {
  afterEach(() => jest.restoreAllMocks());
  const rows = generatedSnapshots({ services: 2, environments: ['prod'] });

  it('reads once per TTL, concurrent callers sharing the read', async () => {
    const listSnapshots = jest.fn(async () => rows);
    const cache = new SnapshotCache({ listSnapshots }, 5_000);
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000);
    const [a, b] = await Promise.all([cache.snapshots(), cache.snapshots()]);
    expect(a).toBe(rows);
    expect(b).toBe(rows);
    expect(listSnapshots).toHaveBeenCalledTimes(1);
    now.mockReturnValue(5_999);
    await cache.snapshots();
    expect(listSnapshots).toHaveBeenCalledTimes(1);
    now.mockReturnValue(6_000);
    await cache.snapshots();
    expect(listSnapshots).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed read', async () => {
    const listSnapshots = jest
      .fn()
      .mockRejectedValueOnce(new Error('database down'))
      .mockResolvedValueOnce(rows);
    const cache = new SnapshotCache({ listSnapshots });
    await expect(cache.snapshots()).rejects.toThrow('database down');
    await expect(cache.snapshots()).resolves.toBe(rows);
    expect(listSnapshots).toHaveBeenCalledTimes(2);
  });
});
