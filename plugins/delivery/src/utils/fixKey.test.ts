import { keyLocation } from './fixKey';

describe('keyLocation', () => {
  it('tells annotations from app-config keys', () => {
    expect(keyLocation('metadata.annotations.delivery/code-job')).toBe(
      "the entity's catalog-info.yaml",
    );
    expect(keyLocation('delivery/version-from')).toBe(
      "the entity's catalog-info.yaml",
    );
    expect(keyLocation('delivery.hostAliases')).toBe('app-config.yaml');
    expect(keyLocation('integrations.github')).toBe('app-config.yaml');
    expect(keyLocation('something')).toBeUndefined();
  });
});
