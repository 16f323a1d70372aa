import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { addDependency, releaseValuesFile, valuesPathFor } from './release';
import { fixturesDir } from '../__testUtils__/fixtures';

const dep = {
  name: 'my-service',
  version: 'v0.0.1',
  repository: 'http://127.0.0.1:7104',
  alias: 'my-service',
};
const added = [
  '  - name: my-service',
  '    version: v0.0.1',
  '    repository: http://127.0.0.1:7104',
  '    alias: my-service',
];

function addedLines(before: string, after: string): string[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  // every old line is still there, in order
  let i = 0;
  const extra: string[] = [];
  for (const line of b) {
    if (i < a.length && a[i] === line) i++;
    else extra.push(line);
  }
  expect(i).toBe(a.length);
  return extra;
}

describe('addDependency', () => {
  it('appends to a Stakater requirements.yaml, keeping comments', () => {
    const before = readFileSync(
      `${fixturesDir()}/helm/stakater-docs-release-requirements-excerpt.yaml`,
      'utf8',
    );
    const after = addDependency(before, dep);
    expect(addedLines(before, after)).toEqual(added.map(l => l.slice(2)));
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after).toContain('# Excerpt from Stakater docs');
    expect(parse(after).dependencies).toHaveLength(7);
  });

  it('appends to an indented Chart.yaml v2 list (nordmart)', () => {
    const before = readFileSync(
      `${fixturesDir()}/helm/stakater-nordmart-apps-gitops-config/01-arsenal_01-stakater-nordmart-review-api_01-dev_Chart.yaml`,
      'utf8',
    );
    const after = addDependency(before, dep, 'Chart.yaml');
    expect(addedLines(before, after)).toEqual(added);
    const chart = parse(after);
    expect(chart.dependencies[1]).toEqual(dep);
    expect(chart.version).toBe('1.0.52');
  });

  it('fills an empty list and a missing key', () => {
    const empty = '# pins\ndependencies: []\n';
    expect(parse(addDependency(empty, dep)).dependencies).toEqual([dep]);
    expect(addDependency(empty, dep)).toContain('# pins\n');
    const none = 'apiVersion: v1\nname: config-dev\n';
    const after = addDependency(none, dep);
    expect(after.startsWith(none)).toBe(true);
    expect(parse(after).dependencies).toEqual([dep]);
    expect(parse(addDependency('dependencies:\n', dep)).dependencies).toEqual([
      dep,
    ]);
  });

  it('keeps CRLF line endings', () => {
    const before =
      'dependencies:\r\n- name: a\r\n  version: 1.0.0\r\n  repository: x\r\n';
    const after = addDependency(before, dep);
    expect(after.startsWith(before)).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('rejects duplicates, bad YAML and oversized files', () => {
    const text =
      'dependencies:\n- name: other\n  version: 1.0.0\n  alias: my-service\n';
    expect(() => addDependency(text, dep)).toThrow(
      /already has a dependency 'my-service'/,
    );
    expect(() => addDependency('a: 1\na: 2\n', dep)).toThrow(/not valid YAML/);
    expect(() => addDependency('dependencies: 3\n', dep)).toThrow(
      /must be a list/,
    );
    expect(() =>
      addDependency(`x: "${'a'.repeat(300 * 1024)}"\n`, dep),
    ).toThrow(/larger than/);
    const laughs = `a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n${Array.from(
      { length: 120 },
      (_, i) => `d${i}: *c`,
    ).join('\n')}\n`;
    expect(() => addDependency(laughs, dep)).toThrow();
  });
});

describe('releaseValuesFile', () => {
  it('nests the values under the release and the chart', () => {
    const text = releaseValuesFile({
      release: 'my-service',
      chart: 'my-service',
      image: '127.0.0.1:7103/stakater/my-service',
      version: 'v0.0.1',
      environment: 'dev',
    });
    expect(parse(text)).toEqual({
      'my-service': {
        'my-service': {
          image: { name: '127.0.0.1:7103/stakater/my-service', tag: 'v0.0.1' },
        },
      },
    });
    expect(text.startsWith('# Values of the my-service release in dev')).toBe(
      true,
    );
  });

  it('expands {release} in the values path', () => {
    expect(valuesPathFor('{release}.yaml', 'x')).toBe('x.yaml');
    expect(valuesPathFor('values/{release}.yaml', 'x')).toBe('values/x.yaml');
  });
});
