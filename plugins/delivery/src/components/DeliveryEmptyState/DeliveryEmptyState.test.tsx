import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DeliveryEmptyState } from './DeliveryEmptyState';

const reasons = [
  {
    title: 'xposer has not been built yet',
    hints: ['Add the delivery/code-job annotation.'],
  },
  { title: 'No environments', hints: ['Configure delivery.environments.'] },
];

describe('DeliveryEmptyState', () => {
  it('replaces the page with every reason and hint', async () => {
    await renderInTestApp(<DeliveryEmptyState reasons={reasons} />);
    expect(
      screen.getByText('xposer has not been built yet; No environments'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Add the delivery/code-job annotation.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Configure delivery.environments.'),
    ).toBeInTheDocument();
  });

  it('shows notices above the rest', async () => {
    await renderInTestApp(
      <DeliveryEmptyState reasons={[reasons[0]]} variant="notice" />,
    );
    expect(
      screen.getByText(/xposer has not been built yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Add the delivery/code-job annotation.'),
    ).toBeVisible();
  });
});
