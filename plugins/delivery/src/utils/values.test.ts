import { checkValuesYaml } from './values';

describe('checkValuesYaml', () => {
  it('accepts empty input as "no values change" and a mapping as is', () => {
    expect(checkValuesYaml('  \n')).toEqual({ ok: true });
    const text = 'xposer:\n  xposer:\n    replicas: 2\n';
    expect(checkValuesYaml(text)).toEqual({ ok: true, values: text });
  });

  it.each([
    ['a list', '- a\n- b'],
    ['a scalar', 'just text'],
    ['null', '~'],
  ])('rejects %s: values must be a mapping', (_what, text) => {
    const check = checkValuesYaml(text);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error).toMatch(/must be a YAML mapping/);
  });

  it.each([
    ['a syntax error', 'xposer: { replicas: 2'],
    ['duplicate keys', 'a: 1\na: 2'],
    ['several documents', 'a: 1\n---\nb: 2'],
  ])('reports %s with the parser message', (_what, text) => {
    const check = checkValuesYaml(text);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error.length).toBeGreaterThan(5);
  });

  it('refuses alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(checkValuesYaml(bomb).ok).toBe(false);
  });
});
