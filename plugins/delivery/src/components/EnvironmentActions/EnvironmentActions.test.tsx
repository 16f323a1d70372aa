import { render } from '@testing-library/react';
import { xposerView } from '../../__fixtures__/xposerView';
import { EnvironmentActions } from './EnvironmentActions';

describe('EnvironmentActions', () => {
  it('is an empty slot until the Promote button lands', () => {
    const { container } = render(
      <EnvironmentActions
        environment={xposerView.environments[0]}
        view={xposerView}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
