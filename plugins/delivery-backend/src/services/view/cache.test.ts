import { mockServices } from '@backstage/backend-test-utils';
import { memoryCache } from '../../__testUtils__/sandboxConfig';
import { ViewCache } from './cache';

const logger = mockServices.logger.mock();

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>(r => (resolve = r));
  return { promise, resolve };
}

describe('ViewCache forget (live updates)', () => {
  it('a load that started before a forget is returned but not kept', async () => {
    const cache = memoryCache();
    const view = new ViewCache(cache, logger);
    const live = new ViewCache(cache, logger); // another instance, same cache service
    const old = deferred<string>();
    const first = view.getOrLoad('k', 60_000, () => old.promise);
    await live.forget('k');
    // a view after the change does not join the stale load
    const fresh = view.getOrLoad('k', 60_000, async () => 'after');
    old.resolve('before');
    expect(await first).toBe('before');
    expect(await fresh).toBe('after');
    expect(await view.getOrLoad('k', 60_000, async () => 'reloaded')).toBe(
      'after',
    );
  });

  it('forgetAll drops each key once; other keys stay cached', async () => {
    const cache = memoryCache();
    const view = new ViewCache(cache, logger);
    let loads = 0;
    const load = async () => ++loads;
    for (const k of ['a', 'b', 'c']) await view.getOrLoad(k, 60_000, load);
    await new ViewCache(cache, logger).forgetAll(['a', 'b', 'a']);
    expect(await view.getOrLoad('a', 60_000, load)).toBe(4);
    expect(await view.getOrLoad('b', 60_000, load)).toBe(5);
    expect(await view.getOrLoad('c', 60_000, load)).toBe(3);
  });

  it('concurrent views of one key share a load across instances', async () => {
    const cache = memoryCache();
    const a = new ViewCache(cache, logger);
    const b = new ViewCache(cache, logger);
    const load = jest.fn(async () => 'v');
    await Promise.all([
      a.getOrLoad('k', 1000, load),
      b.getOrLoad('k', 1000, load),
    ]);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
