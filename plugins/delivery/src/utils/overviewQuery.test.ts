import {
  readOverviewState,
  shortRef,
  toOverviewQuery,
  writeOverviewState,
} from './overviewQuery';

describe('overview state in the URL', () => {
  it('reads every filter and the page', () => {
    const state = readOverviewState(
      new URLSearchParams(
        'owner=group:default/team-shop&system=system:default/storefront&status=drifted&notInSync=true&search=cart&page=2&pageSize=50',
      ),
    );
    expect(state).toEqual({
      owner: 'group:default/team-shop',
      system: 'system:default/storefront',
      status: 'drifted',
      notInSync: true,
      search: 'cart',
      page: 2,
      pageSize: 50,
    });
    expect(toOverviewQuery(state)).toEqual({
      owner: 'group:default/team-shop',
      system: 'system:default/storefront',
      status: ['drifted'],
      notInSync: true,
      search: 'cart',
      offset: 100,
      limit: 50,
    });
  });

  it('falls back to the defaults on values that make no sense', () => {
    const state = readOverviewState(
      new URLSearchParams('status=broken&page=-1&pageSize=7&notInSync=yes'),
    );
    expect(state).toEqual({
      owner: undefined,
      system: undefined,
      status: undefined,
      notInSync: false,
      search: undefined,
      page: 0,
      pageSize: 25,
    });
    expect(toOverviewQuery(state)).toEqual({
      owner: undefined,
      system: undefined,
      status: undefined,
      notInSync: undefined,
      search: undefined,
      offset: 0,
      limit: 25,
    });
  });

  it('writes only what differs from the defaults, and reads it back', () => {
    const state = {
      owner: 'group:default/team-shop',
      notInSync: true,
      page: 1,
      pageSize: 25,
    };
    const params = writeOverviewState(state);
    expect(params.toString()).toBe(
      'owner=group%3Adefault%2Fteam-shop&notInSync=true&page=1',
    );
    expect(readOverviewState(params)).toMatchObject(state);
  });

  it('shortens refs in the default namespace only', () => {
    expect(shortRef('group:default/team-shop')).toBe('team-shop');
    expect(shortRef('system:ops/platform')).toBe('ops/platform');
    expect(shortRef('not a ref')).toBe('not a ref');
  });
});
