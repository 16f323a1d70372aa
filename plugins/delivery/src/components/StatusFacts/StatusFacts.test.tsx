import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { wrongJobPathView } from '../../__fixtures__/brokenSetup';
import { xposerView } from '../../__fixtures__/xposerView';
import { StatusFacts } from './StatusFacts';

const staging = xposerView.environments[1];
const paymentsDev = wrongJobPathView.environments[0];

describe('StatusFacts', () => {
  it('lists the facts behind the status on "Why?"', async () => {
    await renderInTestApp(<StatusFacts environment={staging} />);
    const why = screen.getByRole('button', { name: 'Why? (staging status)' });
    expect(why).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const facts = screen.getByRole('list', {
      name: 'Facts behind the staging status',
    });
    const items = within(facts).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      'Config repo: requirements.yaml pins xposer v0.0.19 at 7d8e9f0 (main)',
      'Deploy Jenkins: run #18 SUCCESS deployed config commit 7d8e9f0',
      'Cluster: deployment staging/xposer runs image tag v0.0.20; its Helm label version is v0.0.19',
    ]);
    expect(screen.queryByText(/Missing link/)).not.toBeInTheDocument();
  });

  it('opens by itself on a missing link and says which key supplies it', async () => {
    await renderInTestApp(<StatusFacts environment={paymentsDev} />);
    expect(
      screen.getByRole('button', { name: 'Why? (dev status)' }),
    ).toHaveAttribute('aria-expanded', 'true');
    const box = screen.getByRole('note', {
      name: 'Missing link: deploy run -> config commit',
    });
    expect(
      within(box).getByText('Missing link: deploy run -> config commit'),
    ).toBeVisible();
    expect(box).toHaveTextContent(
      /run #1204 recorded a revision of git@git\.example\.com:gitops\/config-dev\.git/,
    );
    expect(box).toHaveTextContent(
      'Set delivery.hostAliases in app-config.yaml, e.g.',
    );
    expect(
      within(box).getByText(
        "[{ host: 'ghe.example.com', aliases: ['git.example.com'] }]",
      ).tagName,
    ).toBe('CODE');
    expect(
      within(box).getByRole('button', {
        name: 'Copy the example value of delivery.hostAliases',
      }),
    ).toBeInTheDocument();
  });

  it('keeps a missing link behind "Why?" when the status was still decided', async () => {
    await renderInTestApp(
      <StatusFacts environment={{ ...paymentsDev, status: 'in-sync' }} />,
    );
    const why = screen.getByRole('button', { name: 'Why? (dev status)' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('a link is missing')).toBeInTheDocument();
    await userEvent.click(why);
    expect(
      screen.getByRole('note', {
        name: 'Missing link: deploy run -> config commit',
      }),
    ).toBeVisible();
  });

  it('renders nothing without facts or a missing link', async () => {
    await renderInTestApp(
      <StatusFacts environment={{ ...staging, statusFacts: [] }} />,
    );
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
