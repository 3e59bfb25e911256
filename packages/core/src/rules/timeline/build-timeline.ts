import type { EscalationId, PlanVersionId, PointId, RoundId, StatementId } from '../../ids';
import type { Escalation, EscalationOutcome } from '../../schemas/plan-positions';
import type { Round, Statement } from '../../schemas/plan-rounds';
import type { VersionWithLineage } from '../../schemas/plan';
import { roundTitle } from './round-title';

export const TIMELINE_KINDS = ['version', 'round', 'statement', 'escalation-due', 'decision'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
/** One dated event of a negotiation's plan, with the points it concerns. */
export type TimelineEntry = {
  readonly date: string;
  readonly kind: TimelineKind;
  readonly title: string;
  /** The version, round, statement or escalation the entry is about, by its kind. */
  readonly refId: PlanVersionId | RoundId | StatementId | EscalationId;
  readonly pointIds: readonly PointId[];
  /** A decision's outcome, as a value rather than words in the title, for a client to label. */
  readonly outcome?: EscalationOutcome;
};

type DatedVersion = VersionWithLineage & { readonly createdAt: string };

/**
 * The negotiation's timeline in date order (ties keep kind order: versions, rounds, statements,
 * due dates, decisions); an escalation shows its due date until its decision is recorded, then
 * the decision instead. With `pointId`, only entries about that point: versions that changed it
 * (a mere renumbering does not count),
 * statements naming it, its escalations.
 */
export function buildTimeline(input: {
  versions: readonly DatedVersion[];
  rounds: readonly Round[];
  statements: readonly Statement[];
  escalations: readonly Escalation[];
  pointId?: PointId;
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...input.versions.map((entry) => ({
      date: entry.createdAt,
      kind: 'version' as const,
      title: entry.version.label,
      refId: entry.version.id,
      pointIds:
        entry.version.parentId === null
          ? entry.version.points.map((p) => p.pointId)
          : [
              ...new Set(
                entry.edges
                  .filter((edge) => edge.kind !== 'renumber')
                  .flatMap((edge) => [...edge.from, ...edge.to]),
              ),
            ],
    })),
    ...input.rounds.map((round) => ({
      date: round.startsOn,
      kind: 'round' as const,
      title: roundTitle(round),
      refId: round.id,
      pointIds: [],
    })),
    ...input.statements.map((statement) => ({
      date: statement.date,
      kind: 'statement' as const,
      title: `${statement.person}: ${statement.quote}`,
      refId: statement.id,
      pointIds: statement.pointIds,
    })),
    ...input.escalations.flatMap((escalation) => [
      // Once the leaders have decided, the decision takes the due date's place: a "decision due"
      // left beside it would read as still awaited.
      ...(escalation.dueDate === null || escalation.decision !== null
        ? []
        : [
            {
              date: escalation.dueDate,
              kind: 'escalation-due' as const,
              title: `Due to ${escalation.principals.join(', ')}: ${escalation.question}`,
              refId: escalation.id,
              pointIds: [escalation.pointId],
            },
          ]),
      ...(escalation.decision === null
        ? []
        : [
            {
              date: escalation.decision.decidedAt,
              kind: 'decision' as const,
              title: escalation.question,
              refId: escalation.id,
              pointIds: [escalation.pointId],
              outcome: escalation.decision.outcome,
            },
          ]),
    ]),
  ];
  const { pointId } = input;
  const relevant =
    pointId === undefined ? entries : entries.filter((entry) => entry.pointIds.includes(pointId));
  const order = (kind: TimelineKind) => TIMELINE_KINDS.indexOf(kind);
  return relevant.sort(
    (a, b) =>
      a.date.slice(0, 10).localeCompare(b.date.slice(0, 10)) ||
      order(a.kind) - order(b.kind) ||
      a.date.localeCompare(b.date),
  );
}

/** Live points not yet agreed, which stand between `now` and a deadline; none once it has passed. */
export function pointsOpenBefore<P extends { readonly status: string }>(input: {
  points: readonly P[];
  dueAt: string;
  now: string;
}): { readonly isPast: boolean; readonly open: readonly P[] } {
  const isPast = Date.parse(input.dueAt) <= Date.parse(input.now);
  return {
    isPast,
    open: isPast
      ? []
      : input.points.filter((point) => point.status !== 'agreed' && point.status !== 'dropped'),
  };
}
