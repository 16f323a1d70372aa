import { checkGitHubSignature, githubSignature } from './githubSignature';

const secret = 'a-webhook-secret-of-some-length';
const body = Buffer.from('{"ref":"refs/heads/master","after":"abc"}');

describe('checkGitHubSignature', () => {
  it('accepts the HMAC-SHA256 of the exact body', () => {
    // the documented test vector of GitHub's "Validating webhook deliveries"
    expect(githubSignature("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
    expect(
      checkGitHubSignature(secret, body, githubSignature(secret, body)),
    ).toBeUndefined();
  });

  it('refuses a missing, malformed or wrong signature', () => {
    expect(checkGitHubSignature(secret, body, undefined)).toBe('missing');
    expect(checkGitHubSignature(secret, body, '')).toBe('missing');
    expect(checkGitHubSignature(secret, body, 'sha1=abc')).toBe('malformed');
    expect(
      checkGitHubSignature(secret, body, [githubSignature(secret, body)]),
    ).toBe('malformed');
    expect(
      checkGitHubSignature(
        secret,
        body,
        githubSignature('another-secret', body),
      ),
    ).toBe('mismatch');
  });

  it('refuses a replay of a signed delivery with a changed body', () => {
    const signature = githubSignature(secret, body);
    const changed = Buffer.from(body.toString().replace('abc', 'abd'));
    expect(checkGitHubSignature(secret, changed, signature)).toBe('mismatch');
    // re-serialised JSON (other whitespace) is another body too
    const reformatted = Buffer.from(
      JSON.stringify(JSON.parse(body.toString()), null, 1),
    );
    expect(checkGitHubSignature(secret, reformatted, signature)).toBe(
      'mismatch',
    );
  });
});
