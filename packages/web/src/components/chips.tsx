const LABELS: Record<string, string> = {
  accept: 'Accept',
  accept_with_reservation: 'Accept w/ reservation',
  amend: 'Amend',
  reject: 'Reject',
  red_line: 'Red line',
  undecided: 'Undecided',
  agreed: 'Agreed',
  agreed_ad_referendum: 'Ad referendum',
  open: 'Open',
  contested: 'Contested',
  deferred_to_leaders: 'Deferred to leaders',
  dropped: 'Dropped',
  // Escalation outcomes; "dropped" and "agreed" are shared with point statuses.
  amended: 'Amended',
  no_agreement: 'No agreement',
  // Redline kinds between two versions ("amended", "dropped" above).
  unchanged: 'Unchanged',
  renumbered: 'Renumbered',
  merged: 'Merged',
  split: 'Split',
  restructured: 'Restructured',
  added: 'Added',
  // Timeline entries.
  version: 'Version',
  round: 'Round',
  statement: 'Statement',
  'escalation-due': 'Leaders’ decision due',
  decision: 'Leaders’ decision',
  // Round formats.
  bilateral: 'Bilateral',
  plenary: 'Plenary',
  shuttle: 'Shuttle',
  call: 'Call',
  partially_agreed: 'Partially agreed',
  adopted: 'Adopted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  replace_text: 'New text',
  drop: 'Drop the point',
  insert_after: 'Insert a point after',
  merge_with: 'Merge with other points',
  party: 'Party',
  observer: 'Observer',
  private: 'Private',
  mediator: 'Mediator',
  parties: 'Parties',
  public: 'Public',
  delegation: 'Delegation',
};

/** Human words for an enum value (statuses, stances, visibilities, classifications). */
export function labelOf(value: string): string {
  return LABELS[value] ?? value.replaceAll('_', ' ');
}

/** A coloured chip; the colour comes from CSS (`.chip-<value>`), the text always says it. */
export function Chip({ value, title, label }: { value: string; title?: string; label?: string }) {
  return (
    <span className={`chip chip-${value}`} title={title}>
      {label ?? labelOf(value)}
    </span>
  );
}

/**
 * What a version did to a point, as its history says it ("Amended", "Kept"): the lineage kinds
 * share names with stances ("amend") and amendment proposals ("drop"), which read otherwise.
 */
const HISTORY_LABELS: Record<string, string> = {
  created: 'Created',
  keep: 'Kept',
  amend: 'Amended',
  merge: 'Merged',
  split: 'Split',
  restructure: 'Restructured',
  drop: 'Dropped',
  add: 'Added',
  renumber: 'Renumbered',
};
export const historyLabel = (change: string): string => HISTORY_LABELS[change] ?? labelOf(change);
