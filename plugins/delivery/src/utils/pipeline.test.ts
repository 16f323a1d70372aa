import { xposerView } from '../__fixtures__/xposerView';
import { pipelineSteps } from './pipeline';

describe('pipelineSteps', () => {
  it('walks the full chain of a deployed version', () => {
    const steps = pipelineSteps(xposerView.versions[0], xposerView);
    expect(steps.map(s => [s.key, s.kind, s.detail])).toEqual([
      ['commit', 'ok', 'e4d2a91'],
      ['build', 'ok', '#46'],
      ['image', 'ok', 'v0.0.20'],
      ['chart', 'ok', 'v0.0.20'],
      ['pins', 'ok', 'dev'],
      ['deploy', 'ok', 'dev, staging'],
    ]);
    expect(steps.map(s => s.via?.via)).toEqual([
      'buildData',
      'displayName',
      'sameVersion',
      'sameVersion',
      undefined,
      'configCommit',
    ]);
  });

  it('marks an old version without a build as unknown, not failed', () => {
    const steps = pipelineSteps(xposerView.versions[3], xposerView);
    expect(steps[0]).toMatchObject({ key: 'commit', kind: 'missing' });
    expect(steps[1]).toMatchObject({ key: 'build', kind: 'missing' });
    expect(steps[4]).toMatchObject({ key: 'pins', detail: 'prod' });
  });

  it('flags a missing image after a successful build and a failed source', () => {
    const lineage = {
      ...xposerView.versions[2],
      image: undefined,
      chart: undefined,
    };
    const view = {
      ...xposerView,
      sources: {
        ...xposerView.sources,
        chartMuseum: {
          status: 'error' as const,
          error: { kind: 'unavailable' as const, message: '503' },
        },
      },
    };
    const steps = pipelineSteps(lineage, view);
    expect(steps[2]).toMatchObject({ key: 'image', kind: 'warning' });
    expect(steps[3]).toMatchObject({
      key: 'chart',
      kind: 'aborted',
      detail: 'source down',
    });
    expect(steps[5]).toMatchObject({ key: 'deploy', kind: 'missing' });
  });
});
