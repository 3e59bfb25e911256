import type { z } from 'zod';

/**
 * An id read from the address bar or a form field, branded by its schema; undefined when the text
 * is not one (the page then behaves as for a missing id, and no request names a malformed one).
 */
export function readId<Schema extends z.ZodType>(
  schema: Schema,
  value: string | null | undefined,
): z.output<Schema> | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The listed id a select's value names (its options are these ids), or '' when it names none. */
export function chosenId<Id extends string>(ids: readonly Id[], value: string): Id | '' {
  return ids.find((id) => id === value) ?? '';
}
