/** What one read answered, numbered in the order the page started its reads. */
export type NumberedRead<T> = { readonly readNumber: number; readonly value: T };

/**
 * The answer of the read started last among those that have landed. A read started earlier but
 * answered later (a slow one, overtaken) says less about the present than one started after it.
 */
export function newestRead<T>(
  first: NumberedRead<T>,
  ...others: readonly (NumberedRead<T> | undefined)[]
): NumberedRead<T> {
  return others.reduce<NumberedRead<T>>(
    (newest, read) => (read !== undefined && read.readNumber > newest.readNumber ? read : newest),
    first,
  );
}
