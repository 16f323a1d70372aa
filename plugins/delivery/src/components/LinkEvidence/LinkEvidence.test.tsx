import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EvidenceMarker, MissingLinkMarker } from './LinkEvidence';

describe('EvidenceMarker', () => {
  it('shows how the link was made, with the detail for screen readers and on hover', async () => {
    await renderInTestApp(
      <EvidenceMarker
        evidence={{
          via: 'gitTag',
          detail:
            'tag v1.0.3 points at 1be9c18 (Bump Version commit on top of built a1b2c3d)',
        }}
      />,
    );
    expect(screen.getByText('via git tag')).toBeInTheDocument();
    const marker = screen.getByText('via git tag').closest('[data-evidence]');
    expect(marker).toHaveAttribute('data-evidence', 'gitTag');
    expect(marker).toHaveTextContent(
      'via git tag: tag v1.0.3 points at 1be9c18 (Bump Version commit on top of built a1b2c3d)',
    );
    expect(marker).toHaveAttribute(
      'title',
      'tag v1.0.3 points at 1be9c18 (Bump Version commit on top of built a1b2c3d)',
    );
  });

  it('writes the detail out in the full variant', async () => {
    await renderInTestApp(
      <EvidenceMarker
        variant="full"
        evidence={{ via: 'parameter:VERSION', detail: 'VERSION=2.4.1' }}
      />,
    );
    expect(
      screen.getByText('via parameter VERSION: VERSION=2.4.1'),
    ).toBeInTheDocument();
  });
});

describe('MissingLinkMarker', () => {
  it('says the link is missing and what would supply it', async () => {
    await renderInTestApp(
      <MissingLinkMarker
        text="no build in history"
        hint="check delivery.versionFrom"
      />,
    );
    const text = screen.getByText('no build in history');
    const marker = text.closest('[data-missing-link]');
    expect(marker).toHaveTextContent(
      'no build in history: check delivery.versionFrom',
    );
    expect(marker).toHaveAttribute('title', 'check delivery.versionFrom');
  });

  it('shows the hint as text in the full variant', async () => {
    await renderInTestApp(
      <MissingLinkMarker
        variant="full"
        text="no commit found"
        hint="a git host alias may be missing"
      />,
    );
    expect(screen.getByText('no commit found')).toBeInTheDocument();
    expect(screen.getByText('a git host alias may be missing')).toBeVisible();
  });
});
