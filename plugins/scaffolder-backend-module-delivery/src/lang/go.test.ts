import { PAYLOADS } from '../__testUtils__/payloads';
import { goModulePath, goPathElement, goString } from './go';

describe('go', () => {
  it.each(PAYLOADS.map(p => [p]))('quotes %j on one line', payload => {
    const literal = goString(payload);
    expect(literal).toMatch(/^"[\x20-\x7e]*"$/);
    // a Go interpreted literal uses JSON-compatible escapes plus \U: decode and compare
    const decoded = JSON.parse(
      literal.replace(/\\U([0-9a-f]{8})/g, (_m, h) =>
        String.fromCodePoint(parseInt(h, 16))
          .split('')
          .map(u => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
          .join(''),
      ),
    );
    expect(decoded).toBe(payload);
  });

  it('checks module paths and path elements', () => {
    expect(goModulePath('m', '127.0.0.1/stakater/orders')).toBe(
      '127.0.0.1/stakater/orders',
    );
    for (const bad of ['x/$(id)', 'x', 'X/y', 'x/y z', 'x/y\n']) {
      expect(() => goModulePath('m', bad)).toThrow(/not a valid Go module/);
    }
    expect(() => goPathElement('n', '../x')).toThrow();
    expect(() => goString('\udc00')).toThrow(/valid Unicode/);
  });
});
