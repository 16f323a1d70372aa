import type { Entity } from '@backstage/catalog-model';
import {
  isDeliveryAvailable,
  parseInstanceRef,
  readDeliveryAnnotations,
} from './annotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'xposer', annotations },
});

describe('parseInstanceRef', () => {
  it('splits an optional instance prefix', () => {
    expect(parseInstanceRef('a', 'code:stakater/xposer/master')).toEqual({
      instance: 'code',
      id: 'stakater/xposer/master',
    });
    expect(parseInstanceRef('a', 'stakater/xposer')).toEqual({
      instance: undefined,
      id: 'stakater/xposer',
    });
  });

  it('keeps Jenkins-encoded branch names as they are', () => {
    expect(parseInstanceRef('a', 'stakater/xposer/feature%2Fx').id).toBe(
      'stakater/xposer/feature%2Fx',
    );
  });

  it.each([
    ['http://169.254.169.254/'],
    ['//evil.example/x'],
    ['a/../b'],
    ['job?tree=x'],
    ['a\nb'],
    [''],
    ['a//b'],
  ])('rejects %j', value => {
    expect(() => parseInstanceRef('delivery/code-job', value)).toThrow(
      /delivery\/code-job/,
    );
  });
});

describe('readDeliveryAnnotations', () => {
  it('defaults the release to the chart name', () => {
    const { annotations, problems } = readDeliveryAnnotations(
      entity({
        'delivery/code-job': 'code:stakater/xposer/master',
        'delivery/image': 'stakater/xposer',
        'delivery/chart': 'xposer',
        'delivery/environments': 'dev, staging,prod',
      }),
    );
    expect(problems).toEqual([]);
    expect(annotations.release).toBe('xposer');
    expect(annotations.environments).toEqual(['dev', 'staging', 'prod']);
  });

  it('reports a bad annotation and keeps the others', () => {
    const { annotations, problems } = readDeliveryAnnotations(
      entity({
        'delivery/code-job': 'http://169.254.169.254/',
        'delivery/chart': 'xposer',
      }),
    );
    expect(annotations.codeJob).toBeUndefined();
    expect(annotations.chart).toEqual({ instance: undefined, id: 'xposer' });
    expect(problems).toHaveLength(1);
    expect(problems[0].annotation).toBe('delivery/code-job');
  });

  it('rejects a chart name with a slash', () => {
    const { problems } = readDeliveryAnnotations(
      entity({ 'delivery/chart': 'a/b' }),
    );
    expect(problems[0].message).toMatch(/must not contain/);
  });
});

describe('isDeliveryAvailable', () => {
  it('is true with any delivery annotation', () => {
    expect(isDeliveryAvailable(entity({ 'delivery/chart': 'x' }))).toBe(true);
    expect(isDeliveryAvailable(entity({}))).toBe(false);
  });
});

describe('control characters', () => {
  it('rejects NUL and DEL in identifiers', () => {
    expect(() => parseInstanceRef('delivery/chart', 'a\u0000b')).toThrow(
      /control/,
    );
    expect(() => parseInstanceRef('delivery/chart', 'a\u007fb')).toThrow(
      /control/,
    );
  });
});

describe('delivery/version-from', () => {
  const versionEntity = (value: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'x',
      annotations: { 'delivery/chart': 'x', 'delivery/version-from': value },
    },
  });

  it('reads the strategies in order', () => {
    const { annotations, problems } = readDeliveryAnnotations(
      versionEntity('gitTag, file:.version'),
    );
    expect(problems).toEqual([]);
    expect(annotations.versionFrom).toEqual([
      { kind: 'gitTag' },
      { kind: 'file', path: '.version' },
    ]);
  });

  it('reports a bad strategy and keeps the rest of the annotations', () => {
    const { annotations, problems } = readDeliveryAnnotations(
      versionEntity('http://169.254.169.254/'),
    );
    expect(annotations.versionFrom).toBeUndefined();
    expect(annotations.chart).toEqual({ id: 'x' });
    expect(problems).toEqual([
      {
        annotation: 'delivery/version-from',
        message: expect.stringContaining('is not a version strategy'),
      },
    ]);
  });
});
