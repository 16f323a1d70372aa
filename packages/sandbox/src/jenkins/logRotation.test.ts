import { JenkinsState } from './state';
import type { JenkinsBuild, JenkinsResult } from './model';

const DAY = 24 * 3600_000;
const now = Date.parse('2026-06-01T12:00:00Z');

function jobWith(results: Array<JenkinsResult | null>) {
  const state = new JenkinsState();
  const job = state.ensure(['deploy', 'config-prod'], 'pipeline');
  results.forEach((result, i) =>
    state.addBuild(job, {
      number: i + 1,
      queueId: i + 1,
      result,
      // run N started (results.length - N) days before now
      timestamp: now - (results.length - 1 - i) * DAY,
      duration: 1000,
      estimatedDuration: 1000,
      description: null,
    } as JenkinsBuild),
  );
  state.clock = () => now;
  return { state, job };
}

const numbers = (builds: JenkinsBuild[]) => builds.map(b => b.number);

describe('log rotation (LogRotator)', () => {
  it('keeps the newest count runs; numbering goes on', () => {
    const { state, job } = jobWith([
      'SUCCESS',
      'FAILURE',
      'SUCCESS',
      'FAILURE',
      'SUCCESS',
    ]);
    expect(state.rotate({ count: 2 })).toEqual([
      { job: 'deploy/config-prod', deleted: [1, 2, 3] },
    ]);
    expect(numbers(job.builds)).toEqual([4, 5]);
    expect(job.nextBuildNumber).toBe(6);
  });

  it('never deletes the last successful, the last stable or a running run', () => {
    const { state, job } = jobWith([
      'SUCCESS',
      'UNSTABLE',
      'FAILURE',
      'FAILURE',
      null,
    ]);
    state.rotate({ count: 1 });
    // #1 last stable (SUCCESS), #2 last successful (UNSTABLE counts), #5 building.
    expect(numbers(job.builds)).toEqual([1, 2, 5]);
  });

  it('days: deletes runs started before now - days', () => {
    const { state, job } = jobWith([
      'FAILURE',
      'FAILURE',
      'FAILURE',
      'SUCCESS',
      'FAILURE',
    ]);
    // runs started 4, 3, 2, 1 and 0 days ago
    state.rotate({ days: 2 });
    expect(numbers(job.builds)).toEqual([3, 4, 5]);
  });

  it('count and days together: a run goes when either says so', () => {
    const { state, job } = jobWith([
      'SUCCESS',
      'FAILURE',
      'FAILURE',
      'FAILURE',
      'FAILURE',
    ]);
    state.rotate({ count: 3, days: 1 });
    // count keeps 3..5, days keeps 4..5; #1 is the last successful.
    expect(numbers(job.builds)).toEqual([1, 4, 5]);
  });

  it('runs after each finished run when the job has a discarder', () => {
    const { state, job } = jobWith(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    state.discarder = { count: 2 };
    const item = state.enqueue(job, [], []);
    const run = state.start(item, {
      timestamp: now,
      estimatedDuration: 1,
      description: null,
    } as Parameters<JenkinsState['start']>[1]);
    expect(numbers(job.builds)).toEqual([1, 2, 3, 4]);
    state.finish(run, 'SUCCESS');
    expect(numbers(job.builds)).toEqual([3, 4]);
  });

  it('without a discarder nothing is rotated', () => {
    const { state, job } = jobWith(['SUCCESS', 'SUCCESS']);
    expect(state.rotate()).toEqual([]);
    expect(numbers(job.builds)).toEqual([1, 2]);
  });
});
