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
  const commitDates: Record<string, string> = {
    sha2: '2026-11-02T09:00:00Z',
    sha3: '2026-11-05T12:00:00Z',
    // deployed on the 6th, but the commit predates change b
    sha4: '2026-11-03T08:00:00Z',
    sha5: '2026-10-01T00:00:00Z',
  };
  const asked: string[] = [];
  const commitDate = async (environment: string, sha: string) => {
    asked.push(`${environment}:${sha}`);
    return commitDates[sha];
  };

  it('takes the change of the deployed commit, else the newest change at or before that commit', async () => {
    asked.length = 0;
    const filled = await fillDeployVersions(
      [
        deploy(1, '2026-11-06T00:00:00Z', { configSha: 'a' }),
        deploy(2, '2026-11-03T00:00:00Z'),
        deploy(3, '2026-11-06T00:00:00Z'),
        deploy(4, '2026-11-06T00:00:00Z'),
      ],
      pins,
      commitDate,
    );
    expect(filled.map(d => d.version)).toEqual([
      '1.0.0',
      '1.0.0',
      '1.1.0',
      // the run started after change b, but its commit is older: 1.0.0, not 1.1.0
      '1.0.0',
    ]);
    // the exact match needs no request
    expect(asked).toEqual(['prod:sha2', 'prod:sha3', 'prod:sha4']);
  });

  it('never guesses: a known version stays, and no commit, an unreadable commit date or a commit before every change leaves it empty', async () => {
    const filled = await fillDeployVersions(
      [
        deploy(1, '2026-11-06T00:00:00Z', { version: '0.9.0' }),
        deploy(5, '2026-11-06T00:00:00Z'),
        deploy(6, '2026-11-06T00:00:00Z'),
        deploy(7, '2026-11-06T00:00:00Z', { configSha: undefined }),
      ],
      pins,
      commitDate,
    );
    expect(filled.map(d => d.version)).toEqual([
      '0.9.0',
      undefined,
      undefined,
      undefined,
    ]);
  });
});
