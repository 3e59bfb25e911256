import { stemWord } from './stem-word';

// A redraft moves a clause and rewords it in the same breath: "changes require the employee's
// consent" comes back as "altered only with the agreement of the employee", "how the deposit is
// shared" as "how it is divided". Surface words cannot see such a move, so the handful of verbs
// that treaty and contract drafting uses interchangeably share one stem here. Kept short on
// purpose: every group must be interchangeable in any clause of a negotiated text, or unrelated
// clauses start to look alike. Words, not stems, are listed so that the list stays readable; each
// maps through the Porter stemmer (so "altered", "alteration" follow "alter").
/** Words a negotiated text uses for one another; the first of each group names it. */
export const DRAFTING_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['amend', 'amendment', 'alter', 'alteration', 'change', 'modify', 'modification', 'vary', 'variation'],
  ['consent', 'agree', 'approve', 'approval'],
  ['share', 'divide', 'division', 'allocate', 'allocation', 'apportion', 'apportionment'],
  ['require', 'requirement', 'need'],
  ['begin', 'start', 'commence', 'commencement'],
  ['terminate', 'termination', 'expire', 'expiry'],
  ['notify', 'notification'],
  ['remove', 'removal', 'delete', 'deletion'],
  ['prohibit', 'prohibition', 'forbid', 'ban'],
];

/** Stem → the stem of its group's first word. */
export const DRAFTING_SYNONYMS: ReadonlyMap<string, string> = new Map(
  DRAFTING_SYNONYM_GROUPS.flatMap((group) => {
    const canonical = stemWord(group[0] ?? '');
    return group.map((word) => [stemWord(word), canonical] as const);
  }),
);

/**
 * The stem a lineage comparison reads: the Porter stem, with drafting synonyms brought to one stem
 * ("altered", "changes" and "amendment" alike).
 */
export function draftingStem(word: string): string {
  const stem = stemWord(word);
  return DRAFTING_SYNONYMS.get(stem) ?? stem;
}
