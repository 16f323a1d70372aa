import { checkSharedToken } from './sharedToken';

const token = 'jenkins-shared-token-123';

describe('checkSharedToken', () => {
  it('accepts the token in the header or the query', () => {
    expect(
      checkSharedToken(token, { 'x-delivery-token': token }, {}),
    ).toBeUndefined();
    expect(checkSharedToken(token, {}, { token })).toBeUndefined();
  });

  it('refuses a missing or wrong token (any length)', () => {
    expect(checkSharedToken(token, {}, {})).toBe('missing');
    expect(checkSharedToken(token, { 'x-delivery-token': '' }, {})).toBe(
      'missing',
    );
    expect(checkSharedToken(token, { 'x-delivery-token': 'x' }, {})).toBe(
      'mismatch',
    );
    expect(checkSharedToken(token, {}, { token: `${token}x` })).toBe(
      'mismatch',
    );
    expect(checkSharedToken(token, {}, { token: [token] })).toBe('missing');
  });
});
