import {
  HEADING_CASES,
  HEADING_SEPARATORS,
  NUMBER_STYLES,
  SPELLING_VARIANTS,
  TITLE_CASE_SMALL_WORDS,
  type ChannelKind,
} from './equivalences';

/** A point as the fingerprint sees it: a stable id, its number, heading and canonical text. */
export type FingerprintPoint = {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly text: string;
};

/** One place in a point's text where approved variants may stand, with its stable id. */
export type TextSite = {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly start: number;
  readonly end: number;
  readonly variants: readonly string[];
};

const SPELLING_LOOKUP = new Map<string, readonly string[]>();
for (const pair of SPELLING_VARIANTS) for (const word of pair) SPELLING_LOOKUP.set(word, pair);

function matchCase(word: string, template: string): string {
  const first = template.charAt(0);
  return first === first.toUpperCase() && first !== first.toLowerCase()
    ? word.charAt(0).toUpperCase() + word.slice(1)
    : word;
}

/** Every approved variant site in a point's canonical text, in text order. */
export function findTextSites(point: FingerprintPoint): TextSite[] {
  const sites: TextSite[] = [];
  for (const match of point.text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
    // A capital after the first letter marks a name ("Treaty on the Non-Proliferation …"): names are never varied.
    if (/[A-Z]/.test(match[0].slice(1))) continue;
    const group = SPELLING_LOOKUP.get(match[0].toLowerCase());
    if (group === undefined) continue;
    const variants = group.map((word) => matchCase(word, match[0]));
    sites.push({
      id: `${point.id}:spell:${match.index}`,
      kind: 'spelling',
      start: match.index,
      end: match.index + match[0].length,
      variants,
    });
  }
  // A serial comma only in lists of three capitalised single names ("Russia, Ukraine and Europe"),
  // where it cannot change which items are grouped.
  for (const match of point.text.matchAll(/\b[A-Z][\w-]+, [A-Z][\w-]+(,?) and [A-Z][\w-]+\b/g)) {
    const andAt = match.index + match[0].lastIndexOf(' and ');
    const start = andAt - match[1]!.length;
    sites.push({
      id: `${point.id}:serial:${match.index}`,
      kind: 'serial-comma',
      start,
      end: andAt + 5,
      variants: [' and ', ', and '],
    });
  }
  for (const match of point.text.matchAll(/(?<=[A-Za-z0-9])[–-](?=[A-Za-z0-9])/g)) {
    if (match[0] !== '–') continue;
    sites.push({
      id: `${point.id}:dash:${match.index}`,
      kind: 'dash',
      start: match.index,
      end: match.index + 1,
      variants: ['–', '-'],
    });
  }
  return sites.sort((a, b) => a.start - b.start);
}

function titleCase(title: string): string {
  return title.replace(/[A-Za-z][\w'-]*/g, (word, offset: number) =>
    offset > 0 && TITLE_CASE_SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
  );
}

/** All heading variants of a point (number style × capitalisation × separator), in a fixed order. */
export function headingVariants(point: FingerprintPoint): string[] {
  const variants: string[] = [];
  for (const style of NUMBER_STYLES) {
    for (const headingCase of HEADING_CASES) {
      const title =
        headingCase === 'title-case'
          ? titleCase(point.title)
          : headingCase === 'upper-case'
            ? point.title.toUpperCase()
            : point.title;
      for (const separator of HEADING_SEPARATORS)
        variants.push(`${style(point.number)} ${title}${separator}`);
    }
  }
  // A title already in Title Case gives duplicate variants: keep the first of each.
  return [...new Set(variants)];
}

/** The stable site id of a point's heading. */
export const headingSiteId = (point: FingerprintPoint): string => `${point.id}:heading`;

/** The site id of an invisible mark between two words; it depends only on the local context. */
export function invisibleSiteId(previousWord: string, nextWord: string): string {
  return `zw:${previousWord.toLowerCase()}|${nextWord.toLowerCase()}`;
}
