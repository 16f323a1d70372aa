import { PAYLOADS } from '../__testUtils__/payloads';
import { markdownCode, markdownLink, markdownText } from './markdown';

describe('markdown', () => {
  it('neutralises links, images, HTML, entities and block markers', () => {
    expect(markdownText('[x](javascript:alert(1))')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\)',
    );
    expect(markdownText('![t](http://t/x.png)')).toBe(
      '\\!\\[t\\]\\(http://t/x.png\\)',
    );
    expect(markdownText('<script>&amp;')).toBe('\\<script\\>\\&amp;');
    expect(markdownText('# h')).toBe('\\# h');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('1. item')).toBe('1\\. item');
    expect(markdownText('*b* _i_ `c` | t ~s~')).toBe(
      '\\*b\\* \\_i\\_ \\`c\\` \\| t \\~s\\~',
    );
    expect(markdownText('gitops/config-dev')).toBe('gitops/config-dev');
  });

  const multiLine = (p: string) => /[\r\n\u0085\u2028\u2029]/.test(p);
  it.each(PAYLOADS.filter(multiLine).map(p => [p]))('rejects %j', p => {
    expect(() => markdownText(p)).toThrow(/single line/);
  });
  it.each(PAYLOADS.filter(p => !multiLine(p)).map(p => [p]))(
    'escapes every [ ] < > ` in %j',
    p => {
      expect(markdownText(p)).not.toMatch(/(^|[^\\])[[\]<>`]/);
    },
  );

  it('fences code spans and encodes link URLs', () => {
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a')).toBe('`` `a ``');
    expect(markdownLink('x', 'http://h/a (b)')).toBe(
      '[x](http://h/a%20%28b%29)',
    );
    // eslint-disable-next-line no-script-url -- the payload under test
    expect(() => markdownLink('x', 'javascript:alert(1)')).toThrow(/http/);
  });
});
