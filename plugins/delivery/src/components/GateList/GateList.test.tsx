import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { blockedPreview } from '../../__fixtures__/promotion';
import { GateList } from './GateList';

describe('GateList', () => {
  it('lists every gate with a passed/failed icon and the message', async () => {
    await renderInTestApp(<GateList gates={blockedPreview.gates} />);
    const list = screen.getByRole('list', { name: 'Promotion gates' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    expect(within(items[2]).getByTitle('failed')).toBeInTheDocument();
    expect(
      within(items[2]).getByText('Code build succeeded: failed'),
    ).toBeInTheDocument();
    expect(
      within(items[2]).getByText('Build #47 of v0.0.21 failed'),
    ).toBeInTheDocument();
    expect(
      within(items[0]).getByText('Chart in ChartMuseum: passed'),
    ).toBeInTheDocument();
  });
});
