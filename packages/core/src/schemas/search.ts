import { z } from 'zod';

/** Longest query accepted: a search names a few words, not a passage (trace a leak for that). */
export const MAX_SEARCH_QUERY = 200;
/** Most results one search answers; `truncated` says when there were more. */
export const MAX_SEARCH_RESULTS = 50;

/** `?q=` — words that must all occur in one item (case and accents ignored); none, nothing found. */
export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(2, 'Type at least 2 characters to search.')
    .max(MAX_SEARCH_QUERY, `A search is at most ${MAX_SEARCH_QUERY} characters.`)
    .optional(),
});

export const SEARCH_RESULT_KINDS = [
  'point',
  'position',
  'amendment',
  'statement',
  'round',
  'escalation',
  'deadline',
  'record',
] as const;
export const SearchResultKindSchema = z.enum(SEARCH_RESULT_KINDS);
export type SearchResultKind = z.infer<typeof SearchResultKindSchema>;

/**
 * One item the words were found in, with the passage that holds them. `highlights` are
 * [start, end) offsets into `snippet`, so a page can mark them without reading it as markup.
 * The ids say where it lives: a point (and the version it was found in), a party, a record.
 */
export const SearchResultSchema = z.strictObject({
  kind: SearchResultKindSchema,
  id: z.string(),
  title: z.string(),
  /** Which part of the item held the words: title, text, note, quote, minutes, readout, … */
  field: z.string(),
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
  pointId: z.string().nullable(),
  versionId: z.string().nullable(),
  partyId: z.string().nullable(),
  /** For a point: whether it is in the newest version (an older text matched otherwise). */
  current: z.boolean().nullable(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchResultsSchema = z.strictObject({
  query: z.string(),
  results: z.array(SearchResultSchema),
  truncated: z.boolean(),
});
export type SearchResults = z.infer<typeof SearchResultsSchema>;
