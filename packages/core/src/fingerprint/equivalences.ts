// The reviewable table of pre-approved equivalences. Every change the fingerprint makes to a
// document is one of these; nothing else is ever altered (docs/fingerprint-equivalences.md
// mirrors this file). Operative legal wording ("shall", "must"), numbers and names never appear
// here. A long data file on purpose: reviewers read it in one place.

/**
 * The version of the mark scheme a copy was made with. A copy is read back with the channels it
 * was made with: reading a scheme-1 copy for scheme 2's channels would expect marks it never
 * carried, and count their absence against its own recipient.
 * 1: English channels and headings only. 2: adds the Cyrillic, Hebrew and Arabic channels.
 */
export type MarkScheme = 1 | 2;

/** Every mark scheme, oldest first. */
export const MARK_SCHEMES: readonly MarkScheme[] = [1, 2];

/** The scheme new copies are made with. */
export const LATEST_MARK_SCHEME: MarkScheme = 2;

/** A channel: the kind of equivalence and how often it survives retyping (used in scoring). */
export type ChannelKind =
  | 'spelling'
  | 'serial-comma'
  | 'dash'
  | 'heading'
  | 'phrase'
  | 'invisible'
  | 'quotes'
  | 'yo'
  | 'typographic'
  | 'arabic-punctuation';

/** Probability that a channel's mark is misread after copying or retyping (scoring model). */
export const CHANNEL_ERROR: Readonly<Record<ChannelKind, number>> = {
  spelling: 0.03,
  'serial-comma': 0.05,
  // Keyboards have no en dash: retyping turns most en dashes into hyphens.
  dash: 0.3,
  heading: 0.04,
  phrase: 0.03,
  invisible: 0.01,
  // Russian keyboards have no « or „: a retyped quotation comes back as "…", whose closing mark
  // reads as the „…“ form (both fold to a straight quote).
  quotes: 0.2,
  // Most Russian typists leave ё out: a retyped ё copy mostly reads as the е copy.
  yo: 0.2,
  // Keyboards lack ʼ, ״, ׳ and ־: retyping gives ', ", ' and -, one of the two forms.
  typographic: 0.3,
  // Arabic keyboards have ، and ؟ and Arabic-Indic digits, so a retyped Latin , or ? or digit
  // often turns Arabic.
  'arabic-punctuation': 0.15,
};

/** Spelling variants with identical meaning (British and American forms of the same word). */
export const SPELLING_VARIANTS: readonly (readonly [string, string])[] = [
  ['recognised', 'recognized'],
  ['recognise', 'recognize'],
  ['demilitarised', 'demilitarized'],
  ['organisation', 'organization'],
  ['organisations', 'organizations'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['neighbours', 'neighbors'],
  ['neighbour', 'neighbor'],
  ['towards', 'toward'],
  ['amongst', 'among'],
  ['whilst', 'while'],
  ['centre', 'center'],
  ['defence', 'defense'],
  ['favour', 'favor'],
  ['labour', 'labor'],
  ['authorised', 'authorized'],
  ['stabilisation', 'stabilization'],
  ['normalisation', 'normalization'],
  ['prioritise', 'prioritize'],
  ['finalise', 'finalize'],
  ['finalised', 'finalized'],
  ['minimise', 'minimize'],
  ['harmonise', 'harmonize'],
  ['realise', 'realize'],
  ['utilise', 'utilize'],
  ['emphasise', 'emphasize'],
  ['summarise', 'summarize'],
  ['modernisation', 'modernization'],
  ['privatisation', 'privatization'],
  ['honour', 'honor'],
  ['endeavour', 'endeavor'],
  ['behaviour', 'behavior'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['enrol', 'enroll'],
  ['fulfil', 'fulfill'],
  ['judgement', 'judgment'],
  ['acknowledgement', 'acknowledgment'],
  ['afterwards', 'afterward'],
  ['upwards', 'upward'],
  ['onwards', 'onward'],
  // Closed and hyphenated forms of the same prefixed word.
  ['non-aggression', 'nonaggression'],
  ['non-proliferation', 'nonproliferation'],
  ['non-nuclear', 'nonnuclear'],
  ['de-escalation', 'deescalation'],
  ['co-operation', 'cooperation'],
  ['long-term', 'longterm'],
  ['short-term', 'shortterm'],
  ['re-establish', 'reestablish'],
  ['co-ordination', 'coordination'],
];

/**
 * Russian words whose ё is optional and whose е spelling reads as no other word (scheme 2). Both
 * spellings are standard (ё is required only where е would be ambiguous). Left out on purpose:
 * все/всё, небо/нёбо, узнаем/узнаём, совершенный/совершённый, счета/счёта, which е makes ambiguous.
 */
export const YO_WORDS: readonly string[] = [
  'её',
  'ещё',
  'причём',
  'объём',
  'отчёт',
  'учёт',
  'расчёт',
  'самолёт',
  'вертолёт',
];

/**
 * Scheme 2's script punctuation, each [form A, form B]: one form per copy. Both forms of each
 * are printed in published texts of the language (see docs/fingerprint-equivalences.md).
 */
export const SCRIPT_FORMS = {
  /** Russian and Ukrainian quotation marks around a quoted phrase: «ёлочки» or „лапки“. */
  cyrillicQuotes: { opening: ['«', '„'], closing: ['»', '\u201c'] },
  /** The Ukrainian apostrophe inside a word: the modifier letter (official) or the quotation mark. */
  ukrainianApostrophe: ['\u02bc', '\u2019'],
  /** Gershayim in a Hebrew acronym (האו״ם): the Hebrew sign or the typed double quote. */
  gershayim: ['\u05f4', '"'],
  /** Geresh between two Hebrew letters (ג׳ורג׳): the Hebrew sign or the typed apostrophe. */
  geresh: ['\u05f3', "'"],
  /** Maqaf between two Hebrew words: the Hebrew hyphen or the typed hyphen-minus. */
  maqaf: ['\u05be', '-'],
  /** The comma after an Arabic word: Arabic or Latin. */
  arabicComma: ['\u060c', ','],
  /** The question mark after an Arabic word: Arabic or Latin. */
  arabicQuestionMark: ['\u061f', '?'],
  /** The digits of a whole number between Arabic words: Western (0–9) or Arabic-Indic (٠–٩). */
  arabicDigits: ['0123456789', '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669'],
} as const;

/**
 * Free phrasings: two wordings of the same meaning that careful writers use interchangeably, so a
 * reader of one copy cannot tell a choice from house style. Each pair is one per-copy choice (the
 * same wording everywhere in the copy). Only general English, never operative or legal terms.
 */
export const PHRASE_VARIANTS: readonly (readonly [string, string])[] = [
  ['another', 'a further'],
  ['the rest of', 'the remainder of'],
  ['half of the', 'half the'],
  ['all of the', 'all the'],
  ['both of the', 'both the'],
  ['is set up', 'is established'],
  ['are set up', 'are established'],
  ['in stages', 'in phases'],
  ['open questions', 'outstanding questions'],
  ['divided equally', 'shared equally'],
  ['prior to', 'before'],
  ['each other', 'one another'],
  ['in order to', 'so as to'],
  ['with regard to', 'regarding'],
];

/**
 * Wordings varied only where the text has them, not where it has their pair's other wording,
 * which has uses the pair does not share: "before the leaders speak" cannot become "prior to the
 * leaders speak", nor "one after another" "one after a further", "all the more" "all of the more",
 * "both the US and Russia" "both of the US and Russia", "it is established that" "it is set up
 * that", "without regarding" "without with regard to".
 */
export const PHRASES_VARIED_ONLY_FROM: ReadonlySet<string> = new Set([
  'a further',
  'all of the',
  'both of the',
  'is set up',
  'are set up',
  'prior to',
  'with regard to',
]);

/** The wordings of a phrase pair that, found in a text, may be varied. */
export function variedPhrases(pair: readonly [string, string]): readonly string[] {
  const oneWay = pair.filter((phrase) => PHRASES_VARIED_ONLY_FROM.has(phrase));
  return oneWay.length > 0 ? oneWay : pair;
}

/**
 * Point-number styles a heading may take; the number itself never changes. No style may be a
 * suffix of another (" 2." inside "Point 2."), or the reader cannot tell them apart.
 */
export const NUMBER_STYLES: readonly ((number: string) => string)[] = [
  (n) => `${n}.`,
  (n) => `${n})`,
  (n) => `(${n})`,
  (n) => `[${n}]`,
  (n) => `No. ${n}`,
  (n) => `${n}:`,
];

/** Separators between a point's heading and its text. */
export const HEADING_SEPARATORS: readonly string[] = [': ', ' — ', '. '];

/** Heading capitalisation: as written, Title Case, or capitals (the same words). */
export const HEADING_CASES = ['as-written', 'title-case', 'upper-case'] as const;

/** Zero-width characters used as the weak invisible channel (bit 0, bit 1). */
export const INVISIBLE_MARKS = ['\u200b', '\u200c'] as const;

/** Words never capitalised in Title Case headings. */
export const TITLE_CASE_SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
