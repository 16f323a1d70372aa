import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { xposerView } from '../../__fixtures__/xposerView';
import { LineageTable } from './LineageTable';

describe('LineageTable', () => {
  it('lists versions newest first with commit, build, image, chart and environments', async () => {
    const onSelect = jest.fn();
    await renderInTestApp(
      <LineageTable view={xposerView} selected="v0.0.20" onSelect={onSelect} />,
    );
    const buttons = screen.getAllByRole('button', {
      name: /^Show the lineage of/,
    });
    expect(buttons.map(b => b.textContent)).toEqual([
      'v0.0.20',
      'v0.0.19',
      'v0.0.18',
      '0.0.8',
    ]);
    expect(buttons[0]).toHaveAttribute('aria-pressed', 'true');

    expect(
      screen.getByRole('link', { name: /^Commit e4d2a91/ }),
    ).toHaveAttribute(
      'href',
      'http://127.0.0.1:7105/stakater/xposer/commit/e4d2a91b7c3f5e6d8a9b0c1d2e3f4a5b6c7d8e9f',
    );
    expect(
      screen.getByRole('link', { name: /^Code build #46 in Jenkins/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Image stakater\/xposer:v0.0.20/ }),
    ).toHaveTextContent('v0.0.20');
    expect(screen.getByText('xposer 0.0.8')).toBeInTheDocument();
    expect(screen.getByText('sha256:4f7c1e9a2b3d')).toBeInTheDocument();
    expect(
      screen.getByLabelText('prod: pinned and running'),
    ).toBeInTheDocument();
    expect(screen.getByText('no build in history')).toBeInTheDocument();

    // how each link was made, and what is missing for the old 0.0.8
    expect(screen.getAllByText('via build name')).toHaveLength(3);
    expect(screen.getAllByText('via Jenkins build data')).toHaveLength(3);
    expect(screen.getAllByText('via same version')).toHaveLength(8);
    expect(
      screen.getByText('no build in history').closest('[data-missing-link]'),
    ).toHaveTextContent(/check delivery\.versionFrom in the Setup check/);
    expect(
      screen.getByText('no commit found').closest('[data-missing-link]'),
    ).toHaveTextContent(/no build names this version/);
    expect(
      screen.getAllByText('via build name')[0].closest('[data-evidence]'),
    ).toHaveTextContent('via build name: build #46 is named v0.0.20');

    await userEvent.click(buttons[3]);
    expect(onSelect).toHaveBeenCalledWith('0.0.8');
  });

  it('says which annotations to check when there are no versions', async () => {
    await renderInTestApp(
      <LineageTable
        view={{ ...xposerView, versions: [] }}
        onSelect={jest.fn()}
      />,
    );
    expect(screen.getByText(/No versions yet/)).toBeInTheDocument();
  });
});
