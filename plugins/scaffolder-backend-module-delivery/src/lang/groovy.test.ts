import { groovyBracesBalanced, groovyString } from './groovy';

describe('groovyString', () => {
  it('escapes quotes, backslashes and newlines', () => {
    expect(groovyString("a'b\\c\nd")).toBe("'a\\'b\\\\c\\nd'");
    expect(groovyString('${x}')).toBe("'${x}'");
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
