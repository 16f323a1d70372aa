import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DeliveryDiagnostics } from '@gitops-delivery/backstage-plugin-delivery-common';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import {
  missingHostAliasDiagnostics,
  paymentsApiEntity,
  wrongJobPathDiagnostics,
  wrongVersionFromDiagnostics,
} from '../../__fixtures__/brokenSetup';
import { xposerDiagnostics } from '../../__fixtures__/xposerDiagnostics';
import { xposerEntity, xposerView } from '../../__fixtures__/xposerView';
import { renderWithDelivery } from '../../__testUtils__/renderWithDelivery';
import { SetupCheck } from './SetupCheck';

const allOk: DeliveryDiagnostics = {
  ...xposerDiagnostics,
  checks: xposerDiagnostics.checks.map(c => ({
    ...c,
    status: 'ok',
    fix: undefined,
  })),
};

function api(diagnostics: () => Promise<DeliveryDiagnostics>) {
  return new FakeDeliveryApi(async () => xposerView, {
    getDiagnostics: diagnostics,
  });
}

function check(id: string): HTMLElement {
  const item = document.querySelector<HTMLElement>(`[data-check="${id}"]`);
  if (!item) throw new Error(`no check ${id}`);
  return item;
}

describe('SetupCheck', () => {
  it('waits to be opened, then shows every check grouped, collapsed again on demand', async () => {
    const fake = api(async () => allOk);
    await renderWithDelivery(<SetupCheck entity={xposerEntity} />, {
      api: fake,
    });
    expect(
      screen.getByRole('heading', { level: 2, name: 'Setup check' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Not run yet.')).toBeInTheDocument();
    expect(fake.diagnosticsRequests).toEqual([]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Run setup check' }),
    );
    expect(await screen.findByText('19 OK')).toBeInTheDocument();
    expect(fake.diagnosticsRequests).toEqual([
      { namespace: 'default', kind: 'component', name: 'xposer' },
    ]);
    const toggle = screen.getByRole('button', { name: 'Hide checks' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByRole('heading', { level: 3, name: 'Sources' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 3, name: 'Joins' }),
    ).toBeInTheDocument();
    const strategies = screen.getByRole('list', {
      name: 'Version strategies in force',
    });
    expect(
      within(strategies)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'displayName (build name)',
      'gitTag (git tag)',
      'commitMessage (commit message)',
      'imageLabel (image label)',
    ]);
    const code = check('source:codeJenkins');
    expect(
      within(code).getByRole('heading', { level: 4, name: 'Code Jenkins job' }),
    ).toBeInTheDocument();
    expect(within(code).getByText('Looked for')).toBeInTheDocument();
    expect(
      within(code).getByText(
        'job stakater/xposer/master on code Jenkins "code"',
      ),
    ).toBeInTheDocument();
    const where = within(code).getByRole('link', {
      name: /^http:\/\/127\.0\.0\.1:7101\/job\/stakater\/job\/xposer\/job\/master\//,
    });
    expect(where).toHaveAttribute('target', '_blank');
    expect(
      within(check('join:build-version')).getByText('displayName'),
    ).toBeInTheDocument();

    await userEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Show checks' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('runs at once when asked, shows progress, and opens itself on errors', async () => {
    let answer: (d: DeliveryDiagnostics) => void = () => {};
    const fake = api(
      () =>
        new Promise<DeliveryDiagnostics>(resolve => {
          answer = resolve;
        }),
    );
    await renderWithDelivery(<SetupCheck entity={xposerEntity} runNow />, {
      api: fake,
    });
    expect(await screen.findByText('Checking…')).toBeInTheDocument();
    answer(xposerDiagnostics);
    expect(
      await screen.findByRole('img', { name: '1 error · 17 OK · 1 skipped' }),
    ).toHaveAttribute('data-status', 'error');
    expect(screen.getByRole('button', { name: 'Hide checks' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    const sources = screen.getByRole('region', { name: 'Sources' });
    expect(
      within(sources).getAllByRole('heading', { level: 4 })[0],
    ).toHaveTextContent('Deploy job (prod)');
    expect(
      within(check('join:deploy-config-commit:prod')).getByRole('img', {
        name: 'Skipped',
      }),
    ).toBeInTheDocument();
  });

  it('shows a failed request inline and runs again', async () => {
    let calls = 0;
    const fake = api(async () => {
      calls += 1;
      if (calls === 1) throw new Error('delivery backend answered 503');
      return allOk;
    });
    await renderWithDelivery(<SetupCheck entity={xposerEntity} runNow />, {
      api: fake,
    });
    expect(
      await screen.findByRole('img', {
        name: 'Could not run the setup check: delivery backend answered 503',
      }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Run again' }));
    expect(await screen.findByText('19 OK')).toBeInTheDocument();
  });

  describe('a new user pointed the plugin at their own servers', () => {
    async function renderBroken(report: DeliveryDiagnostics) {
      await renderWithDelivery(
        <SetupCheck entity={paymentsApiEntity} runNow />,
        { api: api(async () => report), entity: paymentsApiEntity },
      );
      await screen.findByRole('button', { name: 'Hide checks' });
    }

    it('fixes a wrong job path from the annotation', async () => {
      await renderBroken(wrongJobPathDiagnostics);
      expect(
        screen.getByRole('img', { name: '1 error · 6 OK · 2 skipped' }),
      ).toBeInTheDocument();
      const item = check('source:codeJenkins');
      expect(item).toHaveAttribute('data-status', 'error');
      expect(
        within(item).getByRole('link', {
          name: /^https:\/\/jenkins\.example\.com\/job\/payments\/job\/payments-api\/job\/master\//,
        }),
      ).toBeInTheDocument();
      expect(item).toHaveTextContent(
        'its branch jobs are main and release-2.x',
      );
      expect(item).toHaveTextContent(
        "Fix: set metadata.annotations.delivery/code-job in the entity's catalog-info.yaml",
      );
      expect(
        within(item).getByText('code:payments/payments-api/main').tagName,
      ).toBe('CODE');
      expect(
        within(item).getByRole('button', {
          name: 'Copy the example value of metadata.annotations.delivery/code-job',
        }),
      ).toBeInTheDocument();
    });

    it('fixes a versionFrom that does not fit the builds', async () => {
      await renderBroken(wrongVersionFromDiagnostics);
      expect(
        within(
          screen.getByRole('list', { name: 'Version strategies in force' }),
        ).getAllByRole('listitem'),
      ).toHaveLength(1);
      const item = check('join:build-version');
      expect(item).toHaveTextContent('0 of 50 builds named a version');
      expect(item).toHaveTextContent(
        'Fix: set delivery.versionFrom in app-config.yaml',
      );
      expect(within(item).getByText('gitTag, displayName').tagName).toBe(
        'CODE',
      );
    });

    it('fixes a missing host alias', async () => {
      await renderBroken(missingHostAliasDiagnostics);
      expect(
        screen.getByRole('img', { name: '1 error · 1 warning · 7 OK' }),
      ).toBeInTheDocument();
      const joins = screen.getByRole('region', { name: 'Joins' });
      const titles = within(joins)
        .getAllByRole('heading', { level: 4 })
        .map(h => h.textContent);
      expect(titles.slice(0, 2)).toEqual([
        'Build -> commit',
        'Build -> version',
      ]);
      const item = check('join:build-commit');
      expect(item).toHaveTextContent(
        'git@git.example.com:payments/payments-api.git',
      );
      expect(item).toHaveTextContent(
        'Fix: set delivery.hostAliases in app-config.yaml',
      );
      expect(
        within(item).getByText(
          "[{ host: 'ghe.example.com', aliases: ['git.example.com'] }]",
        ).tagName,
      ).toBe('CODE');
      await waitFor(() =>
        expect(
          within(check('join:build-version')).queryByText(/^Fix:/),
        ).not.toBeInTheDocument(),
      );
    });
  });
});
