import type { AdditiveSpace } from '../model/additive-space';

export type IssueContention = {
  readonly issue: number;
  readonly name: string;
  /** Per party, the share of its utility range this issue carries (0..1). */
  readonly importance: readonly number[];
  /**
   * 0 when one option is every party's favourite on this issue; 1 when every option is some
   * party's worst: 1 − max over options of min over parties of the option's normalised value.
   */
  readonly opposition: number;
  /** opposition × the mean importance: how much is really fought over here. */
  readonly contention: number;
};

/** Per-issue contention, most contended first (ties: issue order). */
export function issueContention(space: AdditiveSpace): IssueContention[] {
  const spans = space.parties.map((party) =>
    party.contributions.map((values) => Math.max(...values) - Math.min(...values)),
  );
  const totals = spans.map((partySpans) => partySpans.reduce((sum, span) => sum + span, 0));
  const rows = space.issues.map((issue, index) => {
    const importance = spans.map((partySpans, p) =>
      (totals[p] ?? 0) > 0 ? (partySpans[index] ?? 0) / (totals[p] ?? 1) : 0,
    );
    let bestCompromise = 0;
    issue.options.forEach((_, option) => {
      let worst = 1;
      space.parties.forEach((party, p) => {
        const values = party.contributions[index] ?? [];
        const span = spans[p]?.[index] ?? 0;
        // an issue a party does not care about is fine for it whatever the option
        const normalised = span > 0 ? ((values[option] ?? 0) - Math.min(...values)) / span : 1;
        worst = Math.min(worst, normalised);
      });
      bestCompromise = Math.max(bestCompromise, worst);
    });
    const opposition = 1 - bestCompromise;
    const meanImportance = importance.reduce((sum, value) => sum + value, 0) / Math.max(1, importance.length);
    return {
      issue: index,
      name: issue.name,
      importance,
      opposition,
      contention: opposition * meanImportance,
    };
  });
  return rows.sort((a, b) => b.contention - a.contention || a.issue - b.issue);
}
