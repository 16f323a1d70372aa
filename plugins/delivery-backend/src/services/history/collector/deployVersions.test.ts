import type { RecordedDeploy, RecordedPinChange } from '../types';
import { fillDeployVersions } from './deployVersions';

const pin = (
  configSha: string,
  toVersion: string,
  committedAt: string,
  environment = 'prod',
): RecordedPinChange => ({
  entityRef: 'component:default/x',
  environment,
  release: 'x',
  configSha,
  toVersion,
  committedAt,
});
const deploy = (
  number: number,
  startedAt: string,
  extra: Partial<RecordedDeploy> = {},
): RecordedDeploy => ({
  entityRef: 'component:default/x',
  environment: 'prod',
  number,
  result: 'SUCCESS',
  startedAt,
  configSha: `sha${number}`,
  ...extra,
});

describe('fillDeployVersions', () => {
  const pins = [
    pin('a', '1.0.0', '2026-11-01T10:00:00Z'),
    pin('b', '1.1.0', '2026-11-05T10:00:00Z'),
    pin('c', '9.9.9', '2026-11-02T10:00:00Z', 'dev'),
  ];

  it('takes the change of the deployed commit, else the newest change before the run', () => {
    expect(
      fillDeployVersions(
        [
          deploy(1, '2026-11-06T00:00:00Z', { configSha: 'a' }),
          deploy(2, '2026-11-03T00:00:00Z'),
          deploy(3, '2026-11-06T00:00:00Z'),
        ],
        pins,
      ).map(d => d.version),
    ).toEqual(['1.0.0', '1.0.0', '1.1.0']);
  });

  it('keeps a known version, and leaves a run before any change or without a commit alone', () => {
    expect(
      fillDeployVersions(
        [
          deploy(1, '2026-11-06T00:00:00Z', { version: '0.9.0' }),
          deploy(2, '2026-10-01T00:00:00Z'),
          deploy(3, '2026-11-06T00:00:00Z', { configSha: undefined }),
        ],
        pins,
      ).map(d => d.version),
    ).toEqual(['0.9.0', undefined, undefined]);
  });
});
