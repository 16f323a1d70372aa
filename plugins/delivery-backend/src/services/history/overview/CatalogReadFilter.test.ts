import { mockCredentials } from '@backstage/backend-test-utils';
import type { CatalogServiceRequestOptions } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogReadFilter } from './CatalogReadFilter';

const refs = Array.from(
  { length: 1200 },
  (_, i) => `component:default/service-${i}`,
);
const ALICE = mockCredentials.user('user:default/alice');
const BOB = mockCredentials.user('user:default/bob');

/** A catalog where Alice reads every even service and Bob every service. */
function catalog() {
  return catalogServiceMock.mock({
    getEntitiesByRefs: jest.fn(async ({ entityRefs }, options) => ({
      items: entityRefs.map(ref => {
        const n = Number(ref.split('-').at(-1));
        const { credentials } = options as CatalogServiceRequestOptions;
        const who = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        return who === 'user:default/bob' || n % 2 === 0
          ? {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: `service-${n}`, namespace: 'default' },
            }
          : undefined;
      }),
    })),
  });
}

describe('CatalogReadFilter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks the catalog as the caller, 500 refs a request, for the ref fields only', async () => {
    const c = catalog();
    const readable = await new CatalogReadFilter(c).readable(refs, ALICE);
    expect(readable.size).toBe(600);
    expect(readable.has('component:default/service-2')).toBe(true);
    expect(readable.has('component:default/service-3')).toBe(false);
    expect(c.getEntitiesByRefs).toHaveBeenCalledTimes(3);
    expect(c.getEntitiesByRefs).toHaveBeenNthCalledWith(
      1,
      {
        entityRefs: refs.slice(0, 500),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: ALICE },
    );
  });

  it('keeps answers per principal for the TTL, and asks only for refs it has not seen', async () => {
    const c = catalog();
    const filter = new CatalogReadFilter(c, { ttlMs: 30_000 });
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await filter.readable(refs.slice(0, 100), ALICE);
    await filter.readable(refs.slice(0, 100), ALICE);
    expect(c.getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect((await filter.readable(refs.slice(0, 100), BOB)).size).toBe(100);
    expect(c.getEntitiesByRefs).toHaveBeenCalledTimes(2);
    await filter.readable(refs.slice(0, 101), ALICE);
    expect(c.getEntitiesByRefs).toHaveBeenCalledTimes(3);
    expect(c.getEntitiesByRefs).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRefs: [refs[100]] }),
      { credentials: ALICE },
    );
    now.mockReturnValue(1_000_000 + 30_001);
    expect((await filter.readable(refs.slice(0, 100), ALICE)).size).toBe(50);
    expect(c.getEntitiesByRefs).toHaveBeenCalledTimes(4);
  });

  it('holds at most maxPrincipals answers, dropping the oldest', async () => {
    const c = catalog();
    const filter = new CatalogReadFilter(c, { maxPrincipals: 1 });
    await filter.readable(refs.slice(0, 2), ALICE);
    await filter.readable(refs.slice(0, 2), BOB);
    await filter.readable(refs.slice(0, 2), ALICE);
    expect(c.getEntitiesByRefs).toHaveBeenCalledTimes(3);
  });
});
