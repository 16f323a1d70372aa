import { parse } from 'yaml';
import { UnprocessableError } from '../../errors';
import { editValues } from './valuesEdit';
import { changedLines, helmFixture } from './__testUtils__/fixtures';

const NORDMART = 'stakater-nordmart-apps-gitops-config';
const nordmart = (env: string) =>
  helmFixture(
    `${NORDMART}/01-arsenal_01-stakater-nordmart-review-api_${env}_values.yaml`,
  );

const XPOSER = [
  '# values for the xposer release',
  'xposer:',
  '  xposer:',
  '    image:',
  '      name: stakater/xposer',
  '      tag: "v0.0.19"   # bumped by Delivery',
  '    configFilePath: /configs/config.yaml',
  '    watchGlobally: true',
  '    resources: {}',
  '',
  '    # trailing comment of the inner map',
  'other:',
  '  image:',
  '    tag: v0.0.19',
  '',
].join('\n');

describe('editValues: image-tag rule', () => {
  it('bumps image.tag equal to the old version (nordmart layout), one line', () => {
    const src = nordmart('01-dev');
    const r = editValues(src, {
      release: 'stakater-nordmart-review',
      path: 'values.yaml',
      previousVersion: '1.0.52',
      imageTag: '1.0.53',
    });
    expect(r.bumpedImageTags).toEqual([
      'stakater-nordmart-review.application.deployment.image.tag',
    ]);
    expect(changedLines(src, r.content)).toEqual([
      { line: 6, before: '        tag: 1.0.52', after: '        tag: 1.0.53' },
    ]);
  });

  it('reproduces the values line of the tekton-bot bump commit c957dd9', () => {
    const diff = helmFixture(`${NORDMART}/bump-commit-c957dd9.diff`);
    expect(diff).toContain('-        tag: 1.0.54\n+        tag: 1.0.55\n');
    const src = nordmart('01-dev').replace('tag: 1.0.52', 'tag: 1.0.54');
    const r = editValues(src, {
      release: 'stakater-nordmart-review',
      path: 'values.yaml',
      previousVersion: '1.0.54',
      imageTag: '1.0.55',
    });
    expect(changedLines(src, r.content)).toEqual([
      { line: 6, before: '        tag: 1.0.54', after: '        tag: 1.0.55' },
    ]);
  });

  it('keeps odd indentation, blank lines and trailing spaces (nordmart prod)', () => {
    const src = nordmart('03-prod');
    const r = editValues(src, {
      release: 'stakater-nordmart-review',
      path: 'values.yaml',
      previousVersion: '1.0.13',
      imageTag: '1.0.14',
    });
    expect(changedLines(src, r.content)).toEqual([
      { line: 9, before: '        tag: 1.0.13', after: '        tag: 1.0.14' },
    ]);
  });

  it('only bumps tags under the release and equal to the old version', () => {
    const r = editValues(XPOSER, {
      release: 'xposer',
      path: 'xposer.yaml',
      previousVersion: '0.0.19',
      imageTag: 'v0.0.20',
    });
    expect(changedLines(XPOSER, r.content)).toEqual([
      {
        line: 6,
        before: '      tag: "v0.0.19"   # bumped by Delivery',
        after: '      tag: "v0.0.20"   # bumped by Delivery',
      },
    ]);
    const none = editValues(XPOSER, {
      release: 'xposer',
      path: 'xposer.yaml',
      previousVersion: 'v0.0.18',
      imageTag: 'v0.0.20',
    });
    expect(none.changed).toBe(false);
    expect(none.content).toBe(XPOSER);
  });
});

describe('editValues: merge', () => {
  it('changes only touched keys and appends new ones in place', () => {
    const r = editValues(XPOSER, {
      release: 'xposer',
      path: 'xposer.yaml',
      values: {
        xposer: {
          watchGlobally: false,
          configFilePath: '/etc/x.yaml',
          exposeServiceURL: 'globally',
        },
      },
    });
    expect(changedLines(XPOSER, r.content)).toEqual([
      {
        line: 7,
        before: '    configFilePath: /configs/config.yaml',
        after: '    configFilePath: /etc/x.yaml',
      },
      {
        line: 8,
        before: '    watchGlobally: true',
        after: '    watchGlobally: false',
      },
      { line: 10, before: '', after: '    exposeServiceURL: globally' },
      {
        line: 11,
        before: '    # trailing comment of the inner map',
        after: '',
      },
      {
        line: 12,
        before: 'other:',
        after: '    # trailing comment of the inner map',
      },
      { line: 13, before: '  image:', after: 'other:' },
      { line: 14, before: '    tag: v0.0.19', after: '  image:' },
      { line: 15, before: '', after: '    tag: v0.0.19' },
      { line: 16, before: undefined, after: '' },
    ]);
    expect(parse(r.content).xposer.xposer).toMatchObject({
      watchGlobally: false,
      exposeServiceURL: 'globally',
    });
  });

  it('fills an empty flow mapping with a block and merges with the tag rule', () => {
    const r = editValues(XPOSER, {
      release: 'xposer',
      path: 'xposer.yaml',
      values: { xposer: { resources: { limits: { cpu: '100m' } } } },
      previousVersion: 'v0.0.19',
      imageTag: 'v0.0.20',
    });
    expect(r.content).toContain(
      '    resources:\n      limits:\n        cpu: 100m\n\n    # trailing',
    );
    expect(r.content).toContain('tag: "v0.0.20"   # bumped by Delivery');
    expect(r.content).toContain('other:\n  image:\n    tag: v0.0.19\n');
  });

  it('does not bump a tag the user sets', () => {
    const r = editValues(XPOSER, {
      release: 'xposer',
      path: 'xposer.yaml',
      values: { xposer: { image: { tag: 'v0.0.21' } } },
      previousVersion: 'v0.0.19',
      imageTag: 'v0.0.20',
    });
    expect(r.bumpedImageTags).toEqual([]);
    expect(r.content).toContain('tag: "v0.0.21"   # bumped by Delivery');
  });

  it('creates the release key and keeps CRLF', () => {
    const src = 'other:\r\n  a: 1\r\n';
    const r = editValues(src, {
      release: 'xposer',
      path: 'xposer.yaml',
      values: { xposer: { a: 1 } },
    });
    expect(r.content).toBe(
      'other:\r\n  a: 1\r\nxposer:\r\n  xposer:\r\n    a: 1\r\n',
    );
  });

  it('creates an empty file content', () => {
    const r = editValues('', {
      release: 'xposer',
      path: 'xposer.yaml',
      values: { a: 'b' },
    });
    expect(r.content).toBe('xposer:\n  a: b\n');
  });

  it('reports no change for equal values', () => {
    const r = editValues(XPOSER, {
      release: 'xposer',
      path: 'xposer.yaml',
      values: { xposer: { watchGlobally: true } },
    });
    expect(r.changed).toBe(false);
  });

  it('never merges into an object prototype', () => {
    const values = JSON.parse('{"__proto__": {"polluted": true}}');
    expect(() =>
      editValues('xposer:\n  a: 1\n', {
        release: 'xposer',
        path: 'v.yaml',
        values: { xposer: values },
      }),
    ).toThrow(UnprocessableError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what it cannot edit in place', () => {
    const flow = 'xposer: {a: 1}\n';
    expect(() =>
      editValues(flow, { release: 'xposer', path: 'v.yaml', values: { b: 2 } }),
    ).toThrow(UnprocessableError);
    expect(() =>
      editValues(XPOSER, {
        release: 'xposer',
        path: 'v.yaml',
        values: { xposer: 'scalar' },
      }),
    ).toThrow(/cannot merge xposer.xposer in place/);
    expect(() =>
      editValues('- a\n', { release: 'x', path: 'v.yaml', values: { a: 1 } }),
    ).toThrow(/is not a YAML mapping/);
    expect(() =>
      editValues('a: 1\na: 2\n', {
        release: 'x',
        path: 'v.yaml',
        values: { a: 1 },
      }),
    ).toThrow(/duplicate keys/);
  });
});
