import { parse, parseAllDocuments } from 'yaml';
import { PAYLOADS } from '../__testUtils__/payloads';
import { assertRoundTrip, yamlFile } from './yaml';

describe('yamlFile', () => {
  it.each(PAYLOADS.map(p => [JSON.stringify(p), p]))(
    'keeps %s as one string value',
    (_n, payload) => {
      const value = { a: payload, list: [payload], [payload]: 'key' };
      const text = yamlFile(value, ` comment ${payload}`);
      expect(parseAllDocuments(text)).toHaveLength(1);
      expect(parse(text)).toEqual(value);
    },
  );

  it('refuses output that does not parse back to the value', () => {
    expect(() => assertRoundTrip('a: 1\n', { a: '1' })).toThrow(
      /could not be written into YAML unchanged/,
    );
    expect(() => assertRoundTrip('a: &x 1\nb: *x\n', { a: 1, b: 1 })).toThrow();
  });
});
