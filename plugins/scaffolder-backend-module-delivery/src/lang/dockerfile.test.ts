import { PAYLOADS } from '../__testUtils__/payloads';
import { dockerExecForm, dockerWord } from './dockerfile';

describe('dockerfile', () => {
  it('accepts plain words', () => {
    expect(dockerWord('name', 'my-service')).toBe('my-service');
    expect(dockerExecForm('name', ['/my-service'])).toBe('["/my-service"]');
    expect(dockerExecForm('cmd', ['node', 'src/index.js'])).toBe(
      '["node", "src/index.js"]',
    );
  });

  it.each(
    PAYLOADS.filter(p => !/^[A-Za-z0-9._/:@+=-]+$/.test(p)).map(p => [p]),
  )('rejects %j', payload => {
    expect(() => dockerWord('name', payload)).toThrow(
      /cannot be written into a Dockerfile/,
    );
    expect(() => dockerExecForm('name', [payload])).toThrow();
  });
});
