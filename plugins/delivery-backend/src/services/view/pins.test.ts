import { fixture } from '../../__testUtils__/server';
import { findPin } from './pins';

describe('findPin', () => {
  it('finds a Stakater requirements.yaml pin by alias and its line', () => {
    const content = fixture(
      'helm/stakater-docs-release-requirements-excerpt.yaml',
    );
    const pin = findPin(content, 'requirements.yaml', 'xposer');
    expect(pin).toMatchObject({ version: '0.0.3', matchedBy: 'alias' });
    expect(content.split('\n')[pin!.line - 1]).toMatch(/version: 0\.0\.3/);
    expect(findPin(content, 'requirements.yaml', 'mvnstorage')?.version).toBe(
      '1.0.1',
    );
    expect(findPin(content, 'requirements.yaml', 'storage')).toBeUndefined();
    expect(findPin(content, 'requirements.yaml', 'nope')).toBeUndefined();
  });

  it('reads Chart.yaml v2 dependencies by name, keeping the text as written', () => {
    const content = [
      'apiVersion: v2',
      'name: config-prod',
      'version: 1.0.0',
      'dependencies:',
      '  - name: xposer',
      '    version: "v0.0.20"',
      '    repository: http://127.0.0.1:7104',
      '  - name: other',
      '    version: 1.10',
      '',
    ].join('\r\n');
    expect(findPin(content, 'Chart.yaml', 'xposer')).toEqual({
      version: 'v0.0.20',
      line: 6,
      matchedBy: 'name',
    });
    expect(findPin(content, 'Chart.yaml', 'other')?.version).toBe('1.10');
  });

  it('reads the real nordmart v2 wrapper chart', () => {
    const content = fixture(
      'helm/stakater-nordmart-apps-gitops-config/01-arsenal_01-stakater-nordmart-review-api_01-dev_Chart.yaml',
    );
    expect(findPin(content, 'Chart.yaml', 'stakater-nordmart-review')).toEqual({
      version: '1.0.52',
      line: 5,
      matchedBy: 'name',
    });
  });

  it('refuses duplicate keys and invalid YAML', () => {
    expect(() =>
      findPin('dependencies: []\ndependencies: []\n', 'r.yaml', 'x'),
    ).toThrow(/not valid YAML/);
    expect(() => findPin('dependencies: [\n', 'r.yaml', 'x')).toThrow(
      /not valid YAML/,
    );
  });

  it('parses a file once per release: the same answer again, another release its own, a bad file refused every time', () => {
    const content =
      'dependencies:\n  - name: a\n    version: 1.0.0\n  - name: b\n    version: 2.0.0\n';
    const first = findPin(content, 'requirements.yaml', 'a');
    expect(findPin(`${content}`, 'requirements.yaml', 'a')).toBe(first);
    expect(first).toEqual({ version: '1.0.0', line: 3, matchedBy: 'name' });
    expect(findPin(content, 'requirements.yaml', 'b')?.version).toBe('2.0.0');
    expect(findPin(content, 'requirements.yaml', 'c')).toBeUndefined();
    expect(
      findPin(content.replace('2.0.0', '2.0.1'), 'requirements.yaml', 'b')
        ?.version,
    ).toBe('2.0.1');
    for (let i = 0; i < 2; i++)
      expect(() => findPin('dependencies: [\n', 'r.yaml', 'x')).toThrow(
        /not valid YAML/,
      );
  });
});
