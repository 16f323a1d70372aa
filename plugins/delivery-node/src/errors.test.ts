import { isError } from '@backstage/errors';
import { UnprocessableError } from './errors';

describe('UnprocessableError', () => {
  it('is a named Backstage error with HTTP status 422', () => {
    const e = new UnprocessableError('requirements.yaml has duplicate keys');
    expect(isError(e)).toBe(true);
    expect(e).toMatchObject({
      name: 'UnprocessableError',
      statusCode: 422,
      message: 'requirements.yaml has duplicate keys',
    });
  });
});
