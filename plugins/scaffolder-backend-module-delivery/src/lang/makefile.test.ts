import { PAYLOADS } from '../__testUtils__/payloads';
import { makeAssignment, makeLiteral, makeValue } from './makefile';

describe('makefile', () => {
  it('accepts registry hosts, URLs and names', () => {
    for (const ok of [
      '127.0.0.1:7103',
      'http://127.0.0.1:7104/charts',
      'a-b',
    ]) {
      expect(makeValue('v', ok)).toBe(ok);
    }
    expect(makeAssignment('NAME', 'name', 'orders')).toBe('NAME ?= orders');
  });

  it.each(PAYLOADS.filter(p => !/^[\w ✓🚀é-]+$/u.test(p)).map(p => [p]))(
    'rejects %j',
    payload => {
      expect(() => makeValue('v', payload)).toThrow(
        /v cannot be written into a Makefile/,
      );
    },
  );

  it('rejects every shell and make metacharacter', () => {
    for (const c of '$`"\' #\\;|&()<>*?\n\r\t{}[]!') {
      expect(() => makeValue('v', `a${c}b`)).toThrow();
    }
  });

  it('doubles $ for make-level literals', () => {
    expect(makeLiteral('v', 'a$b$(c)')).toBe('a$$b$$(c)');
    expect(() => makeLiteral('v', 'a\nb')).toThrow(/no newlines/);
    expect(() => makeLiteral('v', 'a#b')).toThrow(/'#'/);
  });
});
