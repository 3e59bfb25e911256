// Straight, curly, low-9 and guillemets, as people type them or paste them from the press.
const OPENING = `"'“”„‘’‚«»‹›`;
const CLOSING = `"'“”‘’«»‹›`;

/**
 * A quote as shown between our own curly marks: typed with marks of its own ("…" or “…”) it would
 * read “"…"”, so one pair of marks round the whole quote is dropped. Marks inside stay.
 */
export function quoted(quote: string): string {
  const text = quote.trim();
  const first = text.charAt(0);
  const last = text.charAt(text.length - 1);
  const inner = text.slice(1, -1);
  // '"No," he said, "yes"' starts and ends with marks that belong to two quotes inside it.
  const isWrapped =
    text.length >= 2 &&
    OPENING.includes(first) &&
    CLOSING.includes(last) &&
    !inner.includes(first) &&
    !inner.includes(last);
  return `“${isWrapped ? inner.trim() : text}”`;
}
