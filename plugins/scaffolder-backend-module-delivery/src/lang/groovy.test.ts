import { PAYLOADS } from '../__testUtils__/payloads';
import { groovyBracesBalanced, groovyComment, groovyString } from './groovy';

describe('groovyString', () => {
  it('escapes quotes, backslashes and newlines', () => {
    expect(groovyString("a'b\\c\nd")).toBe("'a\\'b\\\\c\\nd'");
    expect(groovyString('${x}')).toBe("'${x}'");
    expect(groovyString("'''")).toBe("'\\'\\'\\''");
    expect(groovyString('\\u0027')).toBe("'\\\\u0027'");
  });

  it.each(PAYLOADS.map(p => [p]))('writes %j as one balanced literal', p => {
    const literal = groovyString(p);
    expect(literal).not.toMatch(/[\r\n]/);
    expect(groovyBracesBalanced(`x(${literal}) {}`)).toBe(true);
  });

  it('rejects control characters it cannot escape', () => {
    expect(() => groovyString('a\u0000b')).toThrow(/control characters/);
  });
});

describe('groovyComment', () => {
  it('allows one line without backslashes', () => {
    expect(groovyComment('my-service')).toBe('my-service');
    for (const bad of ['a\nb', 'a\rb', 'a\u2028b', 'a\\u000ab']) {
      expect(() => groovyComment(bad)).toThrow(/one line/);
    }
  });
});

describe('groovyBracesBalanced', () => {
  it('ignores braces in strings and comments', () => {
    expect(groovyBracesBalanced("a { b('}') // }\n /* { */ }")).toBe(true);
    expect(groovyBracesBalanced('a { "${x}" ')).toBe(false);
    expect(groovyBracesBalanced("a { b(') }")).toBe(false);
    expect(groovyBracesBalanced("sh '''\n}\n'''")).toBe(true);
  });
});
