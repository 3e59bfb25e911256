/**
 * The start of `text` in at most `maxLength` characters, cut after a whole word with "…":
 * "The Parties share the Meridian River…", never "…the Meridian Ri".
 */
export function excerpt(text: string, maxLength: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  // One very long word (a URL) is cut where it must be rather than leaving nothing.
  const words = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** About one line of a list, a select or a search result; a title is never cut. */
export const POINT_NAME_LENGTH = 60;

/**
 * A point's title, or, when it has none (a plan pasted as plain text), the start of its text;
 * '' when neither is known.
 */
export function pointName(
  point: { readonly title: string; readonly text?: string },
  maxLength = POINT_NAME_LENGTH,
): string {
  return point.title.trim() || excerpt(point.text ?? '', maxLength);
}
