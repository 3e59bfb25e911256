import type { PositionValue } from '../../schemas/plan-positions';

export const POINT_STATUSES = [
  'agreed',
  'agreed_ad_referendum',
  'open',
  'contested',
  'deferred_to_leaders',
  'dropped',
] as const;
/** A point's status; always derived, never typed in. */
export type PointStatus = (typeof POINT_STATUSES)[number];

/**
 * What the status of one point is derived from — only the positions the viewer may see. Generic in
 * the party id so branded ids come back out branded.
 */
export type PointStatusInput<PartyKey extends string = string> = {
  readonly requiredPartyIds: readonly PartyKey[];
  readonly positions: readonly {
    readonly partyId: PartyKey;
    readonly value: PositionValue;
    readonly needsReview?: boolean;
  }[];
  readonly escalations: readonly { readonly decision: unknown }[];
  readonly dropped: boolean;
};

/** The status and, per kind of stance, which required parties hold it (for the mediator's view). */
export type PointStatusReport<PartyKey extends string = string> = {
  readonly status: PointStatus;
  /** Required parties with no visible position that counts (none, `undecided`, or awaiting review). */
  readonly missingPartyIds: readonly PartyKey[];
  readonly objectingPartyIds: readonly PartyKey[];
  readonly amendingPartyIds: readonly PartyKey[];
  readonly reservingPartyIds: readonly PartyKey[];
  /**
   * Required parties whose position awaits their review after the point's text changed: among the
   * missing, but to be asked to look again rather than for a first word.
   */
  readonly reviewingPartyIds: readonly PartyKey[];
};

const OBJECTIONS: ReadonlySet<PositionValue> = new Set(['reject', 'red_line']);

/**
 * Derives a point's status, first rule that applies wins:
 * dropped → `dropped`; an open escalation → `deferred_to_leaders`; a required party rejects or
 * holds a red line → `contested`; every required party accepts → `agreed`, or
 * `agreed_ad_referendum` when at least one accepts with a reservation; otherwise `open`.
 * A position flagged needs-review counts as no position. See docs/plan.md for the truth table.
 */
export function derivePointStatus<PartyKey extends string>(
  input: PointStatusInput<PartyKey>,
): PointStatusReport<PartyKey> {
  const latest = new Map<PartyKey, PositionValue>();
  const toReview = new Set<PartyKey>();
  for (const position of input.positions) {
    if (position.needsReview === true) {
      latest.delete(position.partyId);
      toReview.add(position.partyId);
    } else {
      latest.set(position.partyId, position.value);
      toReview.delete(position.partyId);
    }
  }
  const required = [...new Set(input.requiredPartyIds)];
  const holding = (values: readonly PositionValue[]) =>
    required.filter((id) => values.includes(latest.get(id) ?? 'undecided'));
  const report = {
    missingPartyIds: holding(['undecided']),
    objectingPartyIds: holding(['reject', 'red_line']),
    amendingPartyIds: holding(['amend']),
    reservingPartyIds: holding(['accept_with_reservation']),
    reviewingPartyIds: required.filter((id) => toReview.has(id)),
  };
  return { status: statusOf(input, required, latest), ...report };
}

function statusOf<PartyKey extends string>(
  input: PointStatusInput<PartyKey>,
  required: readonly PartyKey[],
  latest: ReadonlyMap<PartyKey, PositionValue>,
): PointStatus {
  if (input.dropped) return 'dropped';
  if (
    input.escalations.some((escalation) => escalation.decision === null || escalation.decision === undefined)
  )
    return 'deferred_to_leaders';
  const values = required.map((id) => latest.get(id) ?? 'undecided');
  if (values.some((value) => OBJECTIONS.has(value))) return 'contested';
  if (
    values.length === 0 ||
    !values.every((value) => value === 'accept' || value === 'accept_with_reservation')
  )
    return 'open';
  return values.includes('accept_with_reservation') ? 'agreed_ad_referendum' : 'agreed';
}
