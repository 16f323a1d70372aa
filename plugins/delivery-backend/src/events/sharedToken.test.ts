import { checkSharedToken } from './sharedToken';

const token = 'jenkins-shared-token-123';

describe('checkSharedToken', () => {
  it('accepts the token in the header or the query', () => {
    expect(
      checkSharedToken(token, { 'x-delivery-token': token }, {}),
    ).toBeUndefined();
    expect(checkSharedToken(token, {}, { token })).toBeUndefined();
  });

  it("accepts it as the password of Basic auth (the Notification plugin sends an endpoint URL's user info so) or as a Bearer token", () => {
    const basic = (userInfo: string) => ({
      authorization: `Basic ${Buffer.from(userInfo).toString('base64')}`,
    });
    expect(
      checkSharedToken(token, basic(`jenkins:${token}`), {}),
    ).toBeUndefined();
    expect(checkSharedToken(token, basic(`any:${token}`), {})).toBeUndefined();
    expect(
      checkSharedToken(token, { authorization: `Bearer ${token}` }, {}),
    ).toBeUndefined();
    expect(checkSharedToken(token, basic(`${token}:x`), {})).toBe('mismatch');
    expect(checkSharedToken(token, basic('jenkins:'), {})).toBe('missing');
    expect(checkSharedToken(token, { authorization: 'Bearer' }, {})).toBe(
      'missing',
    );
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
