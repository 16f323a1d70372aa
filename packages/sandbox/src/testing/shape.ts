type JsonType = 'null' | 'string' | 'number' | 'boolean' | 'array' | 'object';

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as JsonType;
}

/**
 * Lists where `actual` differs in shape from `expected` (a real upstream sample):
 * every key of the sample must exist with the same JSON type (a `null` in the sample matches anything,
 * and anything matches `null` in ours when `nullable` lists the key). Arrays compare their first elements.
 */
export function shapeDiff(
  expected: unknown,
  actual: unknown,
  opts: {
    ignore?: readonly string[];
    /** Keys whose value may be `null` in `actual`, or `'everywhere'`. */
    nullable?: readonly string[] | 'everywhere';
  } = {},
  at = '',
): string[] {
  const te = typeOf(expected);
  const ta = typeOf(actual);
  const key = at.split('.').pop() ?? '';
  if (te === 'null' || opts.ignore?.includes(key)) return [];
  if (
    ta === 'null' &&
    (opts.nullable === 'everywhere' || opts.nullable?.includes(key))
  )
    return [];
  if (te !== ta) return [`${at || '(root)'}: expected ${te}, got ${ta}`];
  if (te === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    if (!e.length || !a.length) return [];
    return shapeDiff(e[0], a[0], opts, `${at}[0]`);
  }
  if (te === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    return Object.keys(e).flatMap(k => {
      const path = at ? `${at}.${k}` : k;
      if (k in a) return shapeDiff(e[k], a[k], opts, path);
      return opts.ignore?.includes(k) ? [] : [`${path}: missing`];
    });
  }
  return [];
}
