import { SCRIPT_FORMS, YO_WORDS, type ChannelKind } from './equivalences';
import type { TextSite } from './text-site';

// Scheme 2's channels for plans in Russian, Ukrainian, Hebrew and Arabic, which carried only their
// headings' marks under scheme 1. Each is punctuation or an optional letter of the script itself,
// never a word's meaning; each is found only between letters of its script, so Latin text, names
// and numbers in it are never varied.

/** The per-copy choice of each scheme-2 channel. */
export const SCRIPT_CHOICES = {
  cyrillicQuotes: 'copy:cyrillic-quotes',
  yo: 'copy:yo',
  ukrainianApostrophe: 'copy:ukrainian-apostrophe',
  gershayim: 'copy:gershayim',
  geresh: 'copy:geresh',
  maqaf: 'copy:maqaf',
  arabicComma: 'copy:arabic-comma',
  arabicQuestionMark: 'copy:arabic-question-mark',
  arabicDigits: 'copy:arabic-digits',
} as const;

type CharacterChannel = {
  readonly choice: string;
  readonly kind: ChannelKind;
  readonly pattern: RegExp;
  readonly variants: readonly string[];
};

// The lookbehinds skip combining marks, so a pointed Hebrew letter or a vowelled Arabic one counts.
const CHARACTER_CHANNELS: readonly CharacterChannel[] = [
  {
    choice: SCRIPT_CHOICES.ukrainianApostrophe,
    kind: 'typographic',
    pattern: /(?<=\p{Script=Cyrillic}\p{M}*)['\u02bc\u2019](?=\p{Script=Cyrillic})/gu,
    variants: SCRIPT_FORMS.ukrainianApostrophe,
  },
  {
    // An acronym's gershayim stands before its last letter (האו"ם, צה"ל). A quotation may open
    // after a prefix letter (ב"הארץ"), but then more than one letter follows before it closes.
    choice: SCRIPT_CHOICES.gershayim,
    kind: 'typographic',
    pattern:
      /(?<=\p{Script=Hebrew}\p{M}*)["\u05f4\u201c\u201d](?=[\u05d0-\u05ea][\u0591-\u05c7]*(?![\p{L}\p{M}]))/gu,
    variants: SCRIPT_FORMS.gershayim,
  },
  {
    // Only after the letters a geresh turns into foreign sounds (ג׳ ז׳ צ׳ ת׳), none of them a
    // prefix letter that a quotation may follow (ו'כן').
    choice: SCRIPT_CHOICES.geresh,
    kind: 'typographic',
    pattern: /(?<=[גזצץת][\u0591-\u05c7]*)['\u05f3\u2019](?=[\u05d0-\u05ea])/gu,
    variants: SCRIPT_FORMS.geresh,
  },
  {
    choice: SCRIPT_CHOICES.maqaf,
    kind: 'typographic',
    pattern: /(?<=\p{Script=Hebrew}\p{M}*)[-\u05be](?=\p{Script=Hebrew})/gu,
    variants: SCRIPT_FORMS.maqaf,
  },
  {
    // Only before white space: "1,000" or a comma between Latin words is never one.
    choice: SCRIPT_CHOICES.arabicComma,
    kind: 'arabic-punctuation',
    pattern: /(?<=\p{Script=Arabic}\p{M}*)[,\u060c](?=\s)/gu,
    variants: SCRIPT_FORMS.arabicComma,
  },
  {
    choice: SCRIPT_CHOICES.arabicQuestionMark,
    kind: 'arabic-punctuation',
    pattern: /(?<=\p{Script=Arabic}\p{M}*)[?\u061f](?=\s|$)/gu,
    variants: SCRIPT_FORMS.arabicQuestionMark,
  },
];

const characterSite = (channel: CharacterChannel, index: number): TextSite => ({
  choice: channel.choice,
  kind: channel.kind,
  start: index,
  end: index + 1,
  variants: channel.variants,
});

/**
 * A quoted phrase holding Cyrillic, in either pair of Russian and Ukrainian quotation marks: two
 * sites of one choice, the opening and the closing mark (the pair never mixes in one copy).
 */
function quoteSites(text: string): TextSite[] {
  const { opening, closing } = SCRIPT_FORMS.cyrillicQuotes;
  const sites: TextSite[] = [];
  for (const match of text.matchAll(/[«„]([^«»„“”"\n]{1,200})[»“]/gu)) {
    const pair = (match[0].startsWith('«') ? '»' : '\u201c') === match[0].slice(-1);
    // „…“ inside «…» is a quotation within a quotation: as «…» it would nest one pair in itself.
    const before = text.slice(0, match.index);
    const isNested = (before.match(/«/g) ?? []).length > (before.match(/»/g) ?? []).length;
    if (!pair || isNested || !/\p{Script=Cyrillic}/u.test(match[1] ?? '')) continue;
    const end = match.index + match[0].length;
    sites.push({
      choice: SCRIPT_CHOICES.cyrillicQuotes,
      kind: 'quotes',
      start: match.index,
      end: match.index + 1,
      variants: opening,
    });
    sites.push({
      choice: SCRIPT_CHOICES.cyrillicQuotes,
      kind: 'quotes',
      start: end - 1,
      end,
      variants: closing,
    });
  }
  return sites;
}

// A whole number between two Arabic words ("خلال 72 ساعة"): never one of a decimal, a date or a
// thousands group (a digit beyond the separator fails both lookarounds), nor one in Latin text.
const ARABIC_NUMBER =
  /(?<=\p{Script=Arabic}\p{M}*[^\p{L}\p{N}]{1,3})(?:[0-9]+|[\u0660-\u0669]+)(?=[^\p{L}\p{N}]{1,3}\p{Script=Arabic})/gu;
const [WESTERN_DIGITS, ARABIC_INDIC_DIGITS] = SCRIPT_FORMS.arabicDigits;

/** A number's digits in one form: 0 Western, 1 Arabic-Indic; its value never changes. */
function digitsIn(number: string, form: 0 | 1): string {
  const [from, to] =
    form === 0 ? [ARABIC_INDIC_DIGITS, WESTERN_DIGITS] : [WESTERN_DIGITS, ARABIC_INDIC_DIGITS];
  return number.replace(/[0-9\u0660-\u0669]/g, (digit) => {
    const value = from.indexOf(digit);
    return value < 0 ? digit : to.charAt(value);
  });
}

/** Arabic-Indic digits as Western ones: a number is the same word in either form. */
export function westernDigits(text: string): string {
  return digitsIn(text, 0);
}

function arabicNumberSites(text: string): TextSite[] {
  return [...text.matchAll(ARABIC_NUMBER)].map((match) => ({
    choice: SCRIPT_CHOICES.arabicDigits,
    kind: 'arabic-punctuation',
    start: match.index,
    end: match.index + match[0].length,
    variants: [digitsIn(match[0], 0), digitsIn(match[0], 1)],
  }));
}

const YO_PAIRS = YO_WORDS.map((word) => [word, word.replace(/ё/g, 'е')] as const);
const YO_LOOKUP = new Map<string, readonly string[]>(
  YO_PAIRS.flatMap((pair) => pair.map((word): [string, readonly string[]] => [word, pair])),
);
const YO_PATTERN = new RegExp(`(?<![\\p{L}\\p{M}])(?:${YO_PAIRS.flat().join('|')})(?![\\p{L}\\p{M}])`, 'giu');

const capitalised = (word: string, template: string) =>
  template.charAt(0) === template.charAt(0).toLowerCase()
    ? word
    : word.charAt(0).toUpperCase() + word.slice(1);

/** The vetted Russian words written with ё or with е (YO_WORDS); a word in capitals is a name, left alone. */
function yoSites(text: string): TextSite[] {
  const sites: TextSite[] = [];
  for (const match of text.matchAll(YO_PATTERN)) {
    if (match[0].length > 1 && match[0].slice(1) !== match[0].slice(1).toLowerCase()) continue;
    const pair = YO_LOOKUP.get(match[0].toLowerCase());
    if (pair === undefined) continue;
    sites.push({
      choice: SCRIPT_CHOICES.yo,
      kind: 'yo',
      start: match.index,
      end: match.index + match[0].length,
      variants: pair.map((word) => capitalised(word, match[0])),
    });
  }
  return sites;
}

/** Every scheme-2 site in a text: Cyrillic quotes and ё, and the script punctuation channels. */
export function scriptSites(text: string): TextSite[] {
  const sites = [...quoteSites(text), ...yoSites(text), ...arabicNumberSites(text)];
  for (const channel of CHARACTER_CHANNELS)
    for (const match of text.matchAll(channel.pattern)) sites.push(characterSite(channel, match.index));
  return sites;
}

/** A text with every scheme-2 form turned to form A, so two copies can be compared for meaning. */
export function stripScriptForms(text: string): string {
  let out = text
    .replace(/„([^«»„“”"\n]{1,200})“/gu, '«$1»')
    .replace(ARABIC_NUMBER, (number) => digitsIn(number, 0));
  for (const channel of CHARACTER_CHANNELS) out = out.replace(channel.pattern, channel.variants[0] ?? '');
  return out.replace(YO_PATTERN, (found) => {
    const pair = YO_LOOKUP.get(found.toLowerCase());
    const [withYo] = pair ?? [];
    return withYo === undefined ? found : capitalised(withYo, found);
  });
}
