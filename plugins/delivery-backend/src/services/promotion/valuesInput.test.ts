import { InputError } from '@backstage/errors';
import { parseValuesInput } from './valuesInput';

describe('parseValuesInput', () => {
  it('parses a mapping', () => {
    expect(parseValuesInput('xposer:\n  watchGlobally: false\n')).toEqual({
      xposer: { watchGlobally: false },
    });
    expect(parseValuesInput('')).toBeUndefined();
    expect(parseValuesInput(undefined)).toBeUndefined();
    expect(parseValuesInput('# only a comment\n')).toBeUndefined();
  });

  it.each([
    ['a list', '- a\n'],
    ['a scalar', 'hello'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an alias', 'a: &x {b: 1}\nc: *x\n'],
    ['a merge key', 'a:\n  <<: {b: 1}\n'],
    ['a custom tag', 'a: !evil 1\n'],
    ['invalid yaml', 'a: [\n'],
    ['not a string', 42],
    ['a __proto__ key', 'a:\n  __proto__:\n    polluted: true\n'],
    ['a constructor key', 'constructor: {prototype: {x: 1}}\n'],
    ['too large', `a: "${'x'.repeat(17 * 1024)}"`],
  ])('rejects %s', (_what, text) => {
    expect(() => parseValuesInput(text)).toThrow(InputError);
  });
});
