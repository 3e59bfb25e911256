import type { z } from 'zod';
import { request } from './client';

type Paged = z.ZodType<{ items: unknown[]; nextCursor?: string | undefined }>;

/** Pages fetched at most for one list; past that the page shows what it has (a guard, not a limit one meets). */
const MAX_PAGES = 40;

/**
 * Every page of a paged list (the server answers at most `limit` items per request, issue #15),
 * fetched one after another and joined, so the views that need a whole list (the position matrix,
 * a point's statements) still get it; each answer stays bounded.
 */
export async function requestAllPages<S extends Paged>(path: string, schema: S): Promise<z.infer<S>> {
  const separator = path.includes('?') ? '&' : '?';
  const first = await request(`${path}${separator}limit=500`, schema);
  const items = [...first.items];
  let cursor = first.nextCursor;
  for (let page = 1; cursor !== undefined && page < MAX_PAGES; page += 1) {
    const next = await request(`${path}${separator}limit=500&cursor=${encodeURIComponent(cursor)}`, schema);
    items.push(...next.items);
    cursor = next.nextCursor;
  }
  return { ...first, items, nextCursor: cursor };
}
