import { UnprocessableError } from '../../errors';
import { editPin, findPin, inPinStyle } from './pinEdit';
import { changedLines, helmFixture } from './__testUtils__/fixtures';

const NORDMART = 'stakater-nordmart-apps-gitops-config';

describe('inPinStyle', () => {
  it('keeps the file v-prefix style', () => {
    expect(inPinStyle('0.0.19', 'v0.0.20')).toBe('0.0.20');
    expect(inPinStyle('v0.0.19', '0.0.20')).toBe('v0.0.20');
    expect(inPinStyle('v0.0.19', 'v0.0.20')).toBe('v0.0.20');
    expect(inPinStyle('0.0.8', '0.0.9')).toBe('0.0.9');
    expect(inPinStyle('latest', 'v1.0.0')).toBe('v1.0.0');
    expect(inPinStyle('1.0.0', 'stable')).toBe('stable');
  });
});

describe('editPin on upstream fixtures', () => {
  it('bumps an aliased dependency in the Stakater global requirements (v1), one line', () => {
    const src = helmFixture(
      'stakater-docs-global-keycloak-requirements-excerpt.yaml',
    );
    const r = editPin(src, 'xposer', 'v0.0.20');
    expect(r.changed).toBe(true);
    expect(r.previousVersion).toBe('0.0.3');
    expect(r.writtenVersion).toBe('0.0.20');
    expect(r.dependency).toMatchObject({ name: 'xposer', alias: 'xposer' });
    expect(changedLines(src, r.content)).toEqual([
      { line: 20, before: '  version: 0.0.3', after: '  version: 0.0.20' },
    ]);
    // trailing spaces after repository URLs and the comment header survive
    expect(r.content).toContain(
      'https://stakater.github.io/stakater-charts \n',
    );
    expect(r.content.startsWith('# Excerpt from Stakater docs')).toBe(true);
  });

  it('matches by alias, not by chart name', () => {
    const src = helmFixture('stakater-docs-release-requirements-excerpt.yaml');
    const r = editPin(src, 'mvnstorage', '1.0.2');
    expect(r.dependency).toMatchObject({
      name: 'storage',
      alias: 'mvnstorage',
    });
    expect(changedLines(src, r.content)).toHaveLength(1);
    expect(() => editPin(src, 'storage', '1.0.2')).toThrow(
      /no dependency named or aliased "storage" \(found: mvnstorage, secrets/,
    );
    const keycloak = helmFixture(
      'stakater-docs-global-keycloak-requirements-excerpt.yaml',
    );
    expect(() => editPin(keycloak, 'configmap', '1.0.2')).toThrow(
      UnprocessableError,
    );
    expect(
      changedLines(
        keycloak,
        editPin(keycloak, 'keycloak-configmap', '1.0.2').content,
      ),
    ).toEqual([
      { line: 15, before: '  version: 1.0.1', after: '  version: 1.0.2' },
    ]);
  });

  it('keeps double quotes in helm frobnitz v1 requirements.yaml', () => {
    const src = helmFixture('helm-testdata/frobnitz.v1_requirements.yaml');
    const r = editPin(src, 'mariner', '4.3.3');
    expect(changedLines(src, r.content)).toEqual([
      {
        line: 6,
        before: '    version: "4.3.2"',
        after: '    version: "4.3.3"',
      },
    ]);
  });

  it('edits v2 Chart.yaml dependencies, not the chart version', () => {
    const src = helmFixture('helm-testdata/frobnitz_Chart.yaml');
    const r = editPin(src, 'alpine', 'v0.2.0');
    expect(r.writtenVersion).toBe('0.2.0');
    expect(changedLines(src, r.content)).toEqual([
      {
        line: 23,
        before: '    version: "0.1.0"',
        after: '    version: "0.2.0"',
      },
    ]);
  });

  it.each(['01-dev', '02-stage', '03-prod'])(
    'edits nordmart %s Chart.yaml (both sequence indents) in one line',
    env => {
      const src = helmFixture(
        `${NORDMART}/01-arsenal_01-stakater-nordmart-review-api_${env}_Chart.yaml`,
      );
      const r = editPin(src, 'stakater-nordmart-review', '1.0.99');
      const diff = changedLines(src, r.content);
      expect(diff).toHaveLength(1);
      expect(diff[0].after).toMatch(/^ *version: 1\.0\.99$/);
      // the wrapper chart's own version line is untouched
      expect(r.content).toMatch(/^version: 1\.0\.\d+$/m);
      expect(r.content).not.toMatch(/^version: 1\.0\.99$/m);
    },
  );

  it('reproduces the pin line of the tekton-bot bump commit c957dd9', () => {
    const diff = helmFixture(`${NORDMART}/bump-commit-c957dd9.diff`);
    const hunk = diff.split('diff --git')[1];
    const body = hunk.split(/^@@.*@@ /m)[1].split('\n');
    // hunk header carries line 1; then context/-/+ lines
    const before = [body[0]];
    const expectedPlus: string[] = [];
    const expectedMinus: string[] = [];
    for (const l of body.slice(1)) {
      if (l.startsWith(' ')) before.push(l.slice(1));
      else if (l.startsWith('-')) {
        before.push(l.slice(1));
        expectedMinus.push(l.slice(1));
      } else if (l.startsWith('+')) expectedPlus.push(l.slice(1));
    }
    const src = `${before.join('\n')}\n`;
    const r = editPin(src, 'stakater-nordmart-review-api', '1.0.55');
    const d = changedLines(src, r.content);
    expect(d).toHaveLength(1);
    expect(d[0].before).toBe(expectedMinus[0]);
    expect(d[0].after).toBe(expectedPlus[0]);
    // Unlike the bot we do not bump the wrapper chart's own version (expectedMinus[1]).
    expect(expectedMinus[1]).toBe('version: 1.0.54');
    expect(r.content).toContain('\nversion: 1.0.54\n');
  });
});

describe('editPin preserves the file', () => {
  const crlf =
    "\uFEFF# umbrella chart\r\ndependencies:\r\n  # the service\r\n  - name: xposer\r\n    alias: xposer   # the release\r\n    version: 'v0.0.19'  # pinned by Delivery\r\n    repository: https://stakater.github.io/stakater-charts\r\n  - name: configmap\r\n    version: 1.0.1\r\n";

  it('keeps BOM, CRLF, single quotes, comments and the v prefix', () => {
    const r = editPin(crlf, 'xposer', '0.0.20');
    expect(r.content.startsWith('\uFEFF')).toBe(true);
    expect(r.writtenVersion).toBe('v0.0.20');
    expect(changedLines(crlf, r.content)).toEqual([
      {
        line: 6,
        before: "    version: 'v0.0.19'  # pinned by Delivery\r",
        after: "    version: 'v0.0.20'  # pinned by Delivery\r",
      },
    ]);
    expect(r.content.split('\r\n')).toHaveLength(crlf.split('\r\n').length);
  });

  it('reports no change when already pinned', () => {
    const r = editPin(crlf, 'xposer', 'v0.0.19');
    expect(r.changed).toBe(false);
    expect(r.content).toBe(crlf);
    expect(editPin(crlf, 'xposer', '0.0.19').changed).toBe(false);
  });

  it('reads the pin', () => {
    expect(findPin(crlf, 'configmap').dependency).toEqual({
      name: 'configmap',
      alias: undefined,
      version: '1.0.1',
      index: 1,
    });
  });
});

describe('editPin refuses unsafe files', () => {
  const ok = 'dependencies:\n  - name: a\n    version: 1.0.0\n';
  it.each([
    [
      'duplicate keys',
      'dependencies:\n  - name: a\n    version: 1.0.0\n    version: 2.0.0\n',
      /duplicate keys/,
    ],
    ['duplicate top-level keys', `${ok}dependencies: []\n`, /duplicate keys/],
    ['multi-document', `${ok}---\n${ok}`, /2 YAML documents/],
    ['invalid yaml', 'dependencies: [\n', /not valid YAML/],
    [
      'listed twice',
      `${ok}  - name: a\n    version: 1.0.1\n`,
      /lists dependency "a" 2 times/,
    ],
    ['missing list', 'name: x\n', /no "dependencies:" list/],
    ['no version', 'dependencies:\n  - name: a\n', /has no version/],
    ['not a mapping entry', 'dependencies:\n  - a\n', /is not a mapping/],
    [
      'block scalar version',
      'dependencies:\n  - name: a\n    version: |\n      1.0.0\n',
      /cannot be edited safely/,
    ],
    [
      'anchored version',
      'x: &v 1.0.0\ndependencies:\n  - name: a\n    version: *v\n',
      /must be a scalar/,
    ],
  ])('%s', (_what, src, message) => {
    expect(() => editPin(src, 'a', '2.0.1')).toThrow(UnprocessableError);
    expect(() => editPin(src, 'a', '2.0.1')).toThrow(message);
  });

  it('refuses a billion-laughs file', () => {
    const lines = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const src = `${lines.join('\n')}\n${ok}`;
    expect(() => editPin(src, 'a', '2.0.1')).toThrow(
      /more than 8 YAML aliases/,
    );
  });

  it('refuses thousands of aliases', () => {
    const src = `x: &x 1\ny: [${Array(3000).fill('*x').join(', ')}]\n${ok}`;
    expect(() => editPin(src, 'a', '2.0.1')).toThrow(UnprocessableError);
  });

  it('refuses files over the size cap', () => {
    const src = `${ok}# ${'x'.repeat(300 * 1024)}\n`;
    expect(() => editPin(src, 'a', '2.0.1')).toThrow(
      /over the 262144-byte limit/,
    );
    expect(editPin(ok, 'a', '2.0.1', 'f', { maxBytes: 1024 }).changed).toBe(
      true,
    );
  });
});
