import { xposerDiagnostics } from '../__fixtures__/xposerDiagnostics';
import { xposerView } from '../__fixtures__/xposerView';
import {
  checksOfGroup,
  countChecks,
  summarizeChecks,
  viewSuggestsSetupProblem,
} from './diagnostics';

describe('diagnostics utils', () => {
  it('counts and summarizes the checks, failures first', () => {
    const counts = countChecks(xposerDiagnostics.checks);
    expect(counts).toEqual({ ok: 17, warning: 0, error: 1, skipped: 1 });
    expect(summarizeChecks(counts)).toBe('1 error · 17 OK · 1 skipped');
    expect(summarizeChecks(countChecks([]))).toBe('no checks');
    const sources = checksOfGroup(xposerDiagnostics.checks, 'source');
    expect(sources[0].id).toBe('source:deployJenkins:prod');
    expect(sources.every(c => c.group === 'source')).toBe(true);
  });

  it('runs the check at once only when the view shows a problem', () => {
    const healthy = {
      ...xposerView,
      sources: { codeJenkins: { status: 'ok' as const } },
    };
    expect(viewSuggestsSetupProblem(healthy)).toBe(false);
    expect(viewSuggestsSetupProblem(xposerView)).toBe(true); // prod timed out
    expect(
      viewSuggestsSetupProblem({
        ...healthy,
        builds: healthy.builds.map(b => ({ ...b, version: undefined })),
      }),
    ).toBe(true);
    expect(
      viewSuggestsSetupProblem({
        ...healthy,
        versions: healthy.versions.map(v => ({ ...v, links: {} })),
      }),
    ).toBe(true);
  });
});
