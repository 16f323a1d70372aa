import { JenkinsState } from './state';
import { waitReason } from './model';

describe('JenkinsState queue', () => {
  it('joins an identical waiting request, like Jenkins', () => {
    const state = new JenkinsState();
    const job = state.ensure(['deploy', 'config-dev'], 'pipeline');
    const params = [
      {
        cls: 'hudson.model.StringParameterValue',
        name: 'BRANCH',
        value: 'main',
      },
    ];
    const a = state.enqueue(job, params, []);
    const b = state.enqueue(job, [...params], []);
    const c = state.enqueue(job, [{ ...params[0], value: 'other' }], []);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect(state.waiting()).toHaveLength(2);
    expect(state.busy(job)).toBe(true);
    state.start(a, {
      timestamp: 1,
      estimatedDuration: 1,
      description: null,
      causes: [],
      parameters: params,
      revisions: [],
      changes: [],
      stages: [],
    });
    const next = state.enqueue(job, params, []);
    expect(next.id).not.toBe(a.id);
    expect(waitReason(next)).toBe('Build #1 is already in progress (ETA: N/A)');
  });
});
