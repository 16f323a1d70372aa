import { summarize } from './summarize';
import {
  EARLIER,
  OPTIONS,
  change,
  deploy,
  history,
} from './__testUtils__/historyRows';

describe('summarize', () => {
  it('gives the four values and the lowest band', () => {
    const s = summarize(
      history({
        deploys: [
          EARLIER,
          deploy(1, '2026-03-05T10:00:00Z', 'SUCCESS', '1.0.0'),
          deploy(2, '2026-03-06T10:00:00Z', 'FAILURE', '1.1.0'),
          deploy(3, '2026-03-06T14:00:00Z', 'SUCCESS', '1.1.0'),
        ],
        changes: [change('a', '1.1.0', '2026-03-06T02:10:00Z')],
      }),
      OPTIONS,
    );
    expect(s).toEqual({
      days: 30,
      deploysPerWeek: 2 / (30 / 7),
      leadTimeMedianHours: 12,
      changeFailureRate: 1 / 3,
      timeToRestoreMedianHours: 4,
      band: 'low', // 33 % failed changes
    });
  });

  it('has null figures and no band without history', () => {
    expect(summarize(history(), OPTIONS)).toEqual({
      days: 30,
      deploysPerWeek: 0,
      leadTimeMedianHours: null,
      changeFailureRate: null,
      timeToRestoreMedianHours: null,
      band: undefined,
    });
  });
});
