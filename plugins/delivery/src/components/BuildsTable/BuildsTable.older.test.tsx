import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import type {
  CodeBuild,
  DeliveryView,
} from '@gitops-delivery/backstage-plugin-delivery-common';
import { FakeDeliveryApi } from '../../__fixtures__/FakeDeliveryApi';
import { xposerView } from '../../__fixtures__/xposerView';
import { renderWithDelivery } from '../../__testUtils__/renderWithDelivery';
import { useOlderBuilds } from '../../hooks/useOlderBuilds';
import { BuildsTable } from './BuildsTable';

const build = (number: number): CodeBuild => ({
  number,
  url: `http://127.0.0.1:7101/job/x/${number}/`,
  result: 'SUCCESS',
  building: false,
  startedAt: '2026-11-20T09:01:00Z',
  durationMs: 1000,
  version: `0.0.${number}`,
});
const builds = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => build(from - i));

function WithHistory({ view }: { view: DeliveryView }) {
  return (
    <BuildsTable view={view} older={useOlderBuilds(view)} pageSize={200} />
  );
}

const buildLinks = () => screen.getAllByRole('link', { name: /^Code build #/ });

describe('BuildsTable with older builds', () => {
  it('loads older pages on demand until Jenkins has no more, never listing a build twice', async () => {
    const view = { ...xposerView, builds: builds(120, 50) };
    const api = new FakeDeliveryApi(async () => view, {
      getBuilds: async (_entity, page = {}) => {
        // a new build arrived meanwhile: the second page starts one earlier
        const offset = page.offset ?? 0;
        const all = builds(121, 121);
        const slice = all.slice(offset, offset + (page.limit ?? 50));
        return {
          offset,
          limit: page.limit ?? 50,
          builds: slice,
          hasMore: offset + slice.length < all.length,
        };
      },
    });
    await renderWithDelivery(<WithHistory view={view} />, { api });
    expect(buildLinks()).toHaveLength(50);

    await userEvent.click(
      screen.getByRole('button', { name: 'Load older builds' }),
    );
    // 71 came again (the offsets moved by one): listed once
    await waitFor(() => expect(buildLinks()).toHaveLength(99));
    expect(api.buildsRequests).toEqual([{ offset: 50, limit: 50 }]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Load older builds' }),
    );
    await waitFor(() => expect(buildLinks()).toHaveLength(120));
    expect(api.buildsRequests.at(-1)).toEqual({ offset: 99, limit: 50 });
    const numbers = buildLinks().map(l => l.textContent);
    expect(new Set(numbers).size).toBe(120);
    expect(numbers.at(-1)).toMatch(/^#1,/);
    expect(
      screen.queryByRole('button', { name: 'Load older builds' }),
    ).not.toBeInTheDocument();
  });

  it('says why an older page failed and lets the user try again', async () => {
    const view = { ...xposerView, builds: builds(120, 50) };
    let fail = true;
    const api = new FakeDeliveryApi(async () => view, {
      getBuilds: async (_entity, page = {}) => {
        if (fail) throw new Error('Code builds: Jenkins timed out');
        return {
          offset: page.offset ?? 0,
          limit: 50,
          builds: builds(70, 50),
          hasMore: true,
        };
      },
    });
    await renderWithDelivery(<WithHistory view={view} />, { api });
    await userEvent.click(
      screen.getByRole('button', { name: 'Load older builds' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load older builds: Code builds: Jenkins timed out',
    );
    fail = false;
    await userEvent.click(
      screen.getByRole('button', { name: 'Load older builds' }),
    );
    await waitFor(() => expect(buildLinks()).toHaveLength(100));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers nothing more without the delivery API (a static fixture) or with fewer builds than a page', async () => {
    await renderInTestApp(
      <WithHistory view={{ ...xposerView, builds: builds(120, 50) }} />,
    );
    expect(buildLinks()).toHaveLength(50);
    expect(
      screen.queryByRole('button', { name: 'Load older builds' }),
    ).not.toBeInTheDocument();
  });
});
