import { xposerView } from '../__fixtures__/xposerView';
import { diagnoseEmptyView } from './emptyState';

const annotations = {
  codeJob: { instance: 'code', id: 'stakater/xposer/master' },
  image: { id: 'stakater/xposer' },
  chart: { id: 'xposer' },
  release: 'xposer',
};

describe('diagnoseEmptyView', () => {
  it('finds nothing empty in a full view', () => {
    expect(diagnoseEmptyView(xposerView, annotations)).toEqual({
      notBuilt: undefined,
      notInConfig: undefined,
    });
  });

  it('explains a service that is neither built nor pinned', () => {
    const view = {
      ...xposerView,
      versions: [],
      builds: [],
      environments: xposerView.environments.map(e => ({
        ...e,
        pinnedVersion: undefined,
      })),
    };
    const d = diagnoseEmptyView(view, { ...annotations, image: undefined });
    expect(d.notBuilt?.hints).toEqual([
      'The code Jenkins job code:stakater/xposer/master has no build that released a version yet: merge to its branch to trigger one.',
      'Add the delivery/image annotation naming the image in Nexus.',
    ]);
    expect(d.notInConfig?.title).toBe('xposer is not in any config repo yet');
    expect(d.notInConfig?.hints[0]).toContain(
      'gitops/config-dev, gitops/config-staging, gitops/config-prod',
    );
  });

  it('names the missing config key', () => {
    const view = {
      ...xposerView,
      versions: [],
      builds: [],
      environments: [],
      sources: {
        codeJenkins: {
          status: 'error' as const,
          error: {
            kind: 'not-configured' as const,
            message: 'no code Jenkins',
          },
        },
      },
    };
    const d = diagnoseEmptyView(view, annotations);
    expect(d.notBuilt?.hints[0]).toContain('delivery.codeJenkins');
    expect(d.notInConfig?.hints[0]).toContain('delivery.environments');
  });
});
