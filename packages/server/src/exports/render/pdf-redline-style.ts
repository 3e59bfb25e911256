import type { Span } from '../document/redline-marks';

/** Redline colours: insertions underlined in blue, deletions struck through in red. */
export const REDLINE_COLOURS = { insert: '#1f4fbf', delete: '#b3261e', text: '#000000' } as const;

export function spanStyle(op: Span['op']) {
  if (op === 'insert') return { colour: REDLINE_COLOURS.insert, underline: true, strike: false };
  if (op === 'delete') return { colour: REDLINE_COLOURS.delete, underline: false, strike: true };
  return { colour: REDLINE_COLOURS.text, underline: false, strike: false };
}
