import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { pipelineSteps } from '../../utils/pipeline';
import { PipelineGraphic } from './PipelineGraphic';

describe('PipelineGraphic', () => {
  it('is an accessible picture of the chain with one node per step', async () => {
    const steps = pipelineSteps(xposerView.versions[0], xposerView);
    await renderInTestApp(<PipelineGraphic version="v0.0.20" steps={steps} />);

    const svg = screen.getByRole('img', {
      name: /Delivery pipeline of v0.0.20/,
    });
    expect(svg).toHaveAccessibleName(
      expect.stringContaining(
        'Build: success (#46); Image: published (v0.0.20)',
      ),
    );
    expect(svg).toHaveAccessibleName(
      expect.stringContaining(
        'Linked commit via Jenkins build data: build #46 recorded revision e4d2a91',
      ),
    );
    expect(svg).toHaveAccessibleName(
      expect.stringContaining(
        'build via build name: build #46 is named v0.0.20',
      ),
    );
    expect(svg.querySelectorAll('text[font-style="italic"]')).toHaveLength(5);
    const nodes = svg.querySelectorAll('g[data-step]');
    expect(Array.from(nodes).map(n => n.getAttribute('data-step'))).toEqual([
      'commit',
      'build',
      'image',
      'chart',
      'pins',
      'deploy',
    ]);
    expect(svg.querySelector('g[data-step="build"]')).toHaveAttribute(
      'data-status',
      'ok',
    );
  });
});
