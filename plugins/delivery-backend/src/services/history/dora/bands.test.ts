import {
  changeFailureBand,
  frequencyBand,
  leadTimeBand,
  overallBand,
  restoreBand,
} from './bands';

describe('DORA bands', () => {
  it('bands deployment frequency: more than daily, weekly, monthly, less', () => {
    expect(frequencyBand(2)).toBe('elite');
    expect(frequencyBand(1)).toBe('high');
    expect(frequencyBand(1 / 7)).toBe('high');
    expect(frequencyBand(1 / 8)).toBe('medium');
    expect(frequencyBand(1 / 30)).toBe('medium');
    expect(frequencyBand(1 / 31)).toBe('low');
    expect(frequencyBand(0)).toBe('low');
  });

  it('bands lead time: under a day, a week, a month', () => {
    expect(leadTimeBand(null)).toBeUndefined();
    expect(leadTimeBand(23.99)).toBe('elite');
    expect(leadTimeBand(24)).toBe('high');
    expect(leadTimeBand(168)).toBe('medium');
    expect(leadTimeBand(719)).toBe('medium');
    expect(leadTimeBand(720)).toBe('low');
  });

  it('bands change failure rate: 5 %, 10 %, 15 %', () => {
    expect(changeFailureBand(null)).toBeUndefined();
    expect(changeFailureBand(0)).toBe('elite');
    expect(changeFailureBand(0.05)).toBe('elite');
    expect(changeFailureBand(0.1)).toBe('high');
    expect(changeFailureBand(0.15)).toBe('medium');
    expect(changeFailureBand(0.16)).toBe('low');
  });

  it('bands time to restore: under an hour, a day, a week', () => {
    expect(restoreBand(null)).toBeUndefined();
    expect(restoreBand(0.99)).toBe('elite');
    expect(restoreBand(1)).toBe('high');
    expect(restoreBand(24)).toBe('medium');
    expect(restoreBand(168)).toBe('low');
  });

  it('takes the lowest known band overall', () => {
    expect(overallBand([])).toBeUndefined();
    expect(overallBand([undefined, undefined])).toBeUndefined();
    expect(overallBand(['elite', undefined, 'high'])).toBe('high');
    expect(overallBand(['elite', 'low', 'medium'])).toBe('low');
  });
});
