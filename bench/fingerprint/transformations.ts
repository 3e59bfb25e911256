// What leakers do to an export before it reaches the press, as text-to-text functions.
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pasted into an e-mail: white space collapsed and the text re-wrapped at 72 columns. */
export const pasteAndReflow = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/(.{1,72})( |$)/g, '$1\n')
    .trim();

/** Markdown markup, invisible characters and typographic quotes removed (plain-text sanitiser). */
export const stripFormatting = (text: string): string =>
  text
    .replace(/\*\*|__|^#+ /gm, '')
    .replace(/[\u200b\u200c]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\u00a0/g, ' ');

const KEYBOARD_NEIGHBOURS = 'qwertyuiopasdfghjklzxcvbnm';

/** Retyped by hand: no invisible marks, keyboard dashes, and `rate` of the characters mistyped. */
export function retype(text: string, rate: number, rng: Rng): string {
  const plain = stripFormatting(text).replace(/[–—]/g, '-').replace(/\s+/g, ' ');
  let out = '';
  for (const character of plain) {
    const roll = rng();
    if (roll >= rate) out += character;
    else if (roll < rate / 4)
      continue; // dropped
    else if (roll < rate / 2)
      out += KEYBOARD_NEIGHBOURS.charAt(Math.floor(rng() * 26)); // wrong key
    else if (roll < (3 * rate) / 4)
      out += character + KEYBOARD_NEIGHBOURS.charAt(Math.floor(rng() * 26)); // extra key
    else out += character === character.toLowerCase() ? character.toUpperCase() : character.toLowerCase(); // shift slip
  }
  return out;
}
