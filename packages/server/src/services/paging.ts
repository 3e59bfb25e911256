import { DEFAULT_PAGE_LIMIT, DomainError, type PageQuery } from '@parley/core';

export type Page<T> = { items: T[]; nextCursor?: string };

/**
 * One page of a list the service has already filtered by the policy (issue #15: a list's answer
 * must not grow with the negotiation's history). The cursor names the last item sent, by its key,
 * so items added meanwhile neither repeat nor shift the next page; it is opaque to clients.
 */
export function pageOf<T>(items: readonly T[], query: PageQuery, keyOf: (item: T) => string): Page<T> {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  let start = 0;
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    const index = items.findIndex((item) => keyOf(item) === after);
    // A cursor naming nothing this viewer can see is refused the same way whatever the reason,
    // so it cannot be used to probe for hidden items.
    if (index < 0) throw new DomainError('invalid-input', 'Unknown or expired cursor.', { field: 'cursor' });
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  return start + limit < items.length && last !== undefined
    ? { items: page, nextCursor: Buffer.from(keyOf(last)).toString('base64url') }
    : { items: page };
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString();
}
