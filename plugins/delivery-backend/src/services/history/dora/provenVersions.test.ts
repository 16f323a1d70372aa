import { computePerformance } from './computePerformance';
import { withProvenVersions } from './provenVersions';
import {
  EARLIER,
  OPTIONS,
  deploy,
  history,
  pin,
} from './__testUtils__/historyRows';

const sha = (n: number) => `cfg${n}`.padEnd(40, '0');

describe('withProvenVersions', () => {
  it('gives a run recorded without a version the pin change recorded at exactly its config commit', () => {
    const h = history({
      deploys: [
        EARLIER,
        deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', undefined),
      ],
      pinChanges: [pin(sha(1), '2026-03-02T09:00:00Z', '0.0.1', '1.0.0')],
    });
    expect(withProvenVersions(h).deploys.map(d => d.version)).toEqual([
      '0.0.1',
      '1.0.0',
    ]);
    const perf = computePerformance(h, OPTIONS);
    expect(perf.deploymentFrequency.deploys.map(d => d.run.number)).toEqual([
      1,
    ]);
  });

  it('never guesses: a pin change at another commit or of another environment does not fill it', () => {
    const h = history({
      deploys: [
        EARLIER,
        deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', undefined),
      ],
      pinChanges: [
        pin(sha(2), '2026-03-02T09:00:00Z', '0.0.1', '1.0.0'),
        pin(sha(1), '2026-03-02T09:00:00Z', '0.0.1', '2.0.0', 'staging'),
      ],
    });
    expect(withProvenVersions(h).deploys[1].version).toBeUndefined();
    expect(computePerformance(h, OPTIONS).deploymentFrequency.deploys).toEqual(
      [],
    );
  });

  it('keeps a recorded version and returns the same history when nothing is missing', () => {
    const h = history({
      deploys: [EARLIER, deploy(1, '2026-03-02T10:00:00Z', 'SUCCESS', '1.0.0')],
      pinChanges: [pin(sha(1), '2026-03-02T09:00:00Z', '0.0.1', '9.9.9')],
    });
    expect(withProvenVersions(h)).toBe(h);
  });
});
