/**
 * A list as last read, brought up to date with what this page has just written (the server's
 * answers to its saves). A read started before the write, or not yet redone, would otherwise show
 * the old copy until the next read arrives. `isNewer(mine, read)` says when the written copy is
 * the newer one; an entry only written so far is added after those read.
 */
export function withWrittenBy<T>(
  read: readonly T[],
  written: readonly T[],
  rules: { isSame: (left: T, right: T) => boolean; isNewer: (mine: T, read: T) => boolean },
): T[] {
  const updated = read.map((entry) => {
    const mine = written.find((candidate) => rules.isSame(candidate, entry));
    return mine !== undefined && rules.isNewer(mine, entry) ? mine : entry;
  });
  // Oldest first, as the server lists them: one just made comes last.
  const added = written.filter((entry) => !read.some((candidate) => rules.isSame(candidate, entry)));
  return [...updated, ...added];
}

/**
 * `withWrittenBy` for entries with a revision: once a read has caught up with the write, or gone
 * past it after someone else's change, the read copy is shown.
 */
export function withWritten<T extends { readonly revision: number }>(
  read: readonly T[],
  written: readonly T[],
  isSame: (left: T, right: T) => boolean,
): T[] {
  return withWrittenBy(read, written, { isSame, isNewer: (mine, entry) => mine.revision > entry.revision });
}
