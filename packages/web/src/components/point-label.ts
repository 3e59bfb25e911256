import { pointName, POINT_NAME_LENGTH } from '@parley/core';

export { excerpt, pointName } from '@parley/core';

/** What names a point: its number, its title (often empty in a plan pasted as plain text) and its text. */
export type NamedPoint = { readonly number: number; readonly title: string; readonly text?: string };

/**
 * A point as lists, selects and headings name it: "3. Water access", or, without a title, the
 * start of its text ("1. Equitable allocation. The Parties share…"); just "1." when neither is known.
 */
export function pointLabel(point: NamedPoint, maxLength = POINT_NAME_LENGTH): string {
  const name = pointName(point, maxLength);
  return name === '' ? `${point.number}.` : `${point.number}. ${name}`;
}
