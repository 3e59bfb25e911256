import { draftingStem } from './drafting-synonyms';

// Function words carry no lineage: two clauses about different things share them all the same.
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its itself just ' +
    'me more most my myself neither no nor not now of off on once only or other our ours ourselves out over ' +
    'own same shall she should so some such than that the their theirs them themselves then there these ' +
    'they this those through to too under until up upon very was we were what when where whether which ' +
    'while who whom why will with within without would you your yours yourself yourselves may must might ' +
    'one per each every thereof therein hereby herein'
  ).split(' '),
);

/** A point reduced to what the similarity measures read. */
export type PointFeatures = {
  /** Stemmed content words and numbers of title and text, in reading order. */
  readonly words: readonly string[];
  /** Stemmed content words of the title alone. */
  readonly titleWords: readonly string[];
  /** Title and text, lower-cased with runs of space collapsed: equal strings mean equal wording. */
  readonly normalized: string;
  /** Stemmed content words of each clause of the text (see clausesOf), in reading order. */
  readonly clauses: readonly (readonly string[])[];
};

// A fragment with fewer content words than this ("within 30 days,") is no clause of its own: it
// qualifies its neighbour, and alone it would match any point that names a period or a party.
const MIN_CLAUSE_WORDS = 3;

/**
 * The clauses of a text as lists of stemmed content words: cut after a full stop, semicolon, colon
 * or comma, and each fragment too short to stand alone joined to the one before it (or, at the
 * start, to the one after). A restructuring moves clauses, not whole sentences: "2,400 homes by
 * 2030, of which 300 for young people" joins two old points' clauses in one sentence.
 */
export function clausesOf(text: string, stem: (word: string) => string = draftingStem): string[][] {
  const clauses: string[][] = [];
  for (const fragment of text.split(/(?<=[.;:,])\s+/)) {
    const words = contentWords(fragment, stem);
    const last = clauses[clauses.length - 1];
    if (last !== undefined && (words.length < MIN_CLAUSE_WORDS || last.length < MIN_CLAUSE_WORDS))
      last.push(...words);
    else if (words.length > 0) clauses.push(words);
  }
  return clauses;
}

/** Lower-cased tokens: words without accents, and numbers with their separators removed ("25,000" → "25000"). */
export function tokenize(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const tokens = plain.match(/\d+(?:[.,]\d+)*%?|[a-z]+(?:'[a-z]+)?/g) ?? [];
  return tokens.map((token) =>
    /^\d/.test(token) ? token.replace(/,(?=\d{3}\b)/g, '').replace(/,/g, '.') : token.replace(/'s$/, ''),
  );
}

/** Stemmed content words (numbers kept as they are). */
export function contentWords(text: string, stem: (word: string) => string = draftingStem): string[] {
  return tokenize(text)
    .filter((token) => !STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token)))
    .map((token) => (/^\d/.test(token) ? token : stem(token.replace(/'/g, ''))));
}

/** A stemmer that remembers its answers: a text repeats its words, and stemming dominates the cost. */
export function rememberingStemmer(): (word: string) => string {
  const known = new Map<string, string>();
  return (word) => {
    const found = known.get(word);
    if (found !== undefined) return found;
    const stem = draftingStem(word);
    known.set(word, stem);
    return stem;
  };
}

/** The features of one point, from its title and text. */
export function pointFeatures(
  point: { readonly title: string; readonly text: string },
  stem: (word: string) => string = draftingStem,
): PointFeatures {
  const titleWords = contentWords(point.title, stem);
  return {
    words: [...titleWords, ...contentWords(point.text, stem)],
    titleWords,
    normalized: `${point.title}\n${point.text}`.replace(/\s+/g, ' ').trim().toLowerCase(),
    clauses: clausesOf(point.text, stem),
  };
}
