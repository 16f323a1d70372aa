import { shapeDiff } from './shape';
import { shapeDiff as recordedShapeDiff } from './githubRecorded';

describe('shapeDiff', () => {
  const real = {
    id: 1,
    name: 'x',
    owner: { login: 'o' },
    topics: ['a'],
    x: null,
  };

  it('finds missing keys and other JSON types, in arrays by their first element', () => {
    expect(shapeDiff(real, { id: '1', owner: {}, topics: [1], x: 5 })).toEqual([
      'id: expected number, got string',
      'name: missing',
      'owner.login: missing',
      'topics[0]: expected string, got number',
    ]);
  });

  it('lets listed keys (or every key) be null in ours, and skips ignored keys', () => {
    const ours = { id: 1, name: null, owner: null, topics: [], x: 1 };
    expect(shapeDiff(real, ours)).toEqual([
      'name: expected string, got null',
      'owner: expected object, got null',
    ]);
    expect(
      shapeDiff(real, ours, { nullable: ['name'], ignore: ['owner'] }),
    ).toEqual([]);
    expect(shapeDiff(real, ours, { nullable: 'everywhere' })).toEqual([]);
  });

  it('recorded traffic: null matches on either side, ignored keys at any depth', () => {
    expect(
      recordedShapeDiff(
        real,
        { id: 1, name: null, owner: {}, topics: [], x: 'a' },
        new Set(['login']),
      ),
    ).toEqual([]);
    expect(
      recordedShapeDiff(
        real,
        { id: 1, name: 'x', owner: {}, topics: [] },
        new Set(),
      ),
      // a key of the sample is required even where the sample holds null
    ).toEqual(['owner.login: missing', 'x: missing']);
  });
});
