/** A GraphQL error GitHub answers with a `type` (NOT_FOUND, EXCESSIVE_PAGINATION, ...). */
export class TypedGraphQLError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

const given = <T>(v: T | null | undefined): v is T =>
  v !== null && v !== undefined;

/** `first`/`last`/`after`/`before` of a connection field. */
export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: {
    startCursor: string | null;
    endCursor: string | null;
    hasNextPage: boolean;
    hasPreviousPage: boolean;
  };
  totalCount: number;
}

/** GitHub's largest page: `first`/`last` above it is refused. */
export const MAX_PAGE = 100;

function encodeCursor(position: number, key: string): string {
  return Buffer.from(`cursor:v2:${position}:${key}`).toString('base64');
}

/**
 * The position of the item after which a cursor points: the item with the cursor's key when it
 * is still in the list (so pages stay right when items come or go), else the position it had.
 */
function cursorPosition(cursor: string, keys: string[]): number | undefined {
  const m = /^cursor:v2:(\d+):(.*)$/s.exec(
    Buffer.from(cursor, 'base64').toString('utf8'),
  );
  if (!m) return undefined;
  const i = keys.indexOf(m[2]);
  return i >= 0 ? i : Number(m[1]);
}

/**
 * A Relay connection over `items` (already filtered and ordered), with GitHub's checks:
 * `first` or `last` is required (MISSING_PAGINATION_BOUNDARIES), at most 100
 * (EXCESSIVE_PAGINATION), cursors must be ones this API gave (INVALID_CURSOR_ARGUMENTS).
 */
export function connection<T>(
  field: string,
  items: T[],
  keyOf: (item: T) => string,
  args: PageArgs,
): Connection<T> {
  const { first, last, after, before } = args;
  if (!given(first) && !given(last)) {
    throw new TypedGraphQLError(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
    );
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (!given(value)) continue;
    if (value > MAX_PAGE) {
      throw new TypedGraphQLError(
        'EXCESSIVE_PAGINATION',
        `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of ${MAX_PAGE} records.`,
      );
    }
    if (value < 0) {
      throw new TypedGraphQLError(
        'INVALID_PAGINATION_ARGUMENTS',
        `\`${name}\` on the \`${field}\` connection cannot be less than zero.`,
      );
    }
  }
  const keys = items.map(keyOf);
  let start = 0;
  let end = items.length;
  for (const [cursor, apply] of [
    [after, (p: number) => (start = Math.max(start, p + 1))],
    [before, (p: number) => (end = Math.min(end, p))],
  ] as const) {
    if (!given(cursor)) continue;
    const p = cursorPosition(cursor, keys);
    if (p === undefined) {
      throw new TypedGraphQLError(
        'INVALID_CURSOR_ARGUMENTS',
        `\`${cursor}\` does not appear to be a valid cursor.`,
      );
    }
    apply(p);
  }
  end = Math.max(start, end);
  if (given(first) && end - start > first) end = start + first;
  if (given(last) && end - start > last) start = end - last;
  const edges = items.slice(start, end).map((node, i) => ({
    cursor: encodeCursor(start + i, keys[start + i]),
    node,
  }));
  return {
    nodes: edges.map(e => e.node),
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
    },
    totalCount: items.length,
  };
}
