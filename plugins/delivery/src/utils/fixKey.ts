/**
 * Where a key named by a fix lives: an annotation in the entity's
 * `catalog-info.yaml`, or a `delivery.*` key in `app-config.yaml`.
 */
export function keyLocation(key: string): string | undefined {
  if (key.startsWith('metadata.annotations.') || /^delivery\/[\w-]+$/.test(key))
    return "the entity's catalog-info.yaml";
  if (key.startsWith('delivery.') || key.startsWith('integrations.'))
    return 'app-config.yaml';
  return undefined;
}
