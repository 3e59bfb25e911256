import type { PointId } from '../../ids';
import type { PointStatus, PointStatusReport } from './derive-point-status';

/** Same literals as the negotiation's `closureRule`. */
export type ClosureRuleName = 'all-or-nothing' | 'point-by-point';
export const NEGOTIATION_STATES = ['agreed', 'agreed_ad_referendum', 'partially_agreed', 'open'] as const;
export type NegotiationState = (typeof NEGOTIATION_STATES)[number];

export type PointStatusEntry<PartyKey extends string = string> = {
  readonly pointId: PointId;
  readonly number: number;
  readonly report: PointStatusReport<PartyKey>;
};
/** A point standing between the negotiation and agreement, with who is holding it up. */
export type BlockingPoint<PartyKey extends string = string> = {
  readonly pointId: PointId;
  readonly number: number;
  readonly status: PointStatus;
  readonly missingPartyIds: readonly PartyKey[];
  readonly objectingPartyIds: readonly PartyKey[];
};
export type NegotiationStateReport<PartyKey extends string = string> = {
  readonly state: NegotiationState;
  readonly counts: Readonly<Record<PointStatus, number>>;
  /** Agreed points that bind now: under all-or-nothing only once everything is agreed. */
  readonly bindingPointIds: readonly PointId[];
  /** Agreed or ad-referendum points that do not bind yet. */
  readonly provisionalPointIds: readonly PointId[];
  readonly blocking: readonly BlockingPoint<PartyKey>[];
  /** Required parties still missing on at least one live point, in the order given. */
  readonly missingPartyIds: readonly PartyKey[];
};

/**
 * The negotiation's overall state from its live (not dropped) points: `agreed` when all are agreed,
 * `agreed_ad_referendum` when all are agreed and some only ad referendum, `partially_agreed` when
 * point-by-point and some are agreed, else `open`. An empty plan is `open`.
 */
export function deriveNegotiationState<PartyKey extends string>(input: {
  closureRule: ClosureRuleName;
  points: readonly PointStatusEntry<PartyKey>[];
  requiredPartyIds: readonly PartyKey[];
}): NegotiationStateReport<PartyKey> {
  const points = [...input.points].sort((a, b) => a.number - b.number);
  const counts = {
    agreed: 0,
    agreed_ad_referendum: 0,
    open: 0,
    contested: 0,
    deferred_to_leaders: 0,
    dropped: 0,
  };
  for (const point of points) counts[point.report.status] += 1;
  const live = points.filter((point) => point.report.status !== 'dropped');
  const agreed = live.filter((point) => point.report.status === 'agreed');
  const settled = live.filter(
    (point) => point.report.status === 'agreed' || point.report.status === 'agreed_ad_referendum',
  );
  const state: NegotiationState =
    live.length === 0
      ? 'open'
      : agreed.length === live.length
        ? 'agreed'
        : settled.length === live.length
          ? 'agreed_ad_referendum'
          : input.closureRule === 'point-by-point' && agreed.length > 0
            ? 'partially_agreed'
            : 'open';
  const binding = state === 'agreed' || input.closureRule === 'point-by-point' ? agreed : [];
  const bindingIds = new Set(binding.map((point) => point.pointId));
  const missing = new Set(live.flatMap((point) => point.report.missingPartyIds));
  return {
    state,
    counts,
    bindingPointIds: binding.map((point) => point.pointId),
    provisionalPointIds: settled
      .filter((point) => !bindingIds.has(point.pointId))
      .map((point) => point.pointId),
    blocking: live
      .filter((point) => point.report.status !== 'agreed')
      .map(({ pointId, number, report }) => ({
        pointId,
        number,
        status: report.status,
        // an ad referendum point waits on the parties that reserved, so they are the ones to chase
        missingPartyIds:
          report.status === 'agreed_ad_referendum' ? report.reservingPartyIds : report.missingPartyIds,
        objectingPartyIds: report.objectingPartyIds,
      })),
    missingPartyIds: input.requiredPartyIds.filter((id) => missing.has(id)),
  };
}
