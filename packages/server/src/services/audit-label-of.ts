import {
  can,
  pointName,
  type AuditLabel,
  type Classification,
  type NegotiationId,
  type PlanVersion,
  type PositionVisibility,
  type Viewer,
} from '@parley/core';
import type { AuditContext } from './audit-material';
import { recordResource } from './records';

/** What an id in an audit entry names: the subject types of the log, and the lists in its detail. */
export type LabelKind = 'record' | 'position' | 'minutes' | 'amendment' | 'round' | 'version' | 'point';

/** What the labels are made from, loaded once per page of the log. */
export type LabelSources = {
  readonly viewer: Viewer;
  readonly negotiationId: NegotiationId;
  readonly context: AuditContext;
  /** Every version, oldest first: a point is named as it read in the version the material is about. */
  readonly plan: readonly PlanVersion[];
};

const CLASSIFICATION_WORDS: Record<Classification, string> = {
  public: 'public',
  parties: 'restricted to the parties',
  mediator: 'restricted to its delegation and the mediator',
  delegation: 'its delegation only',
};

type Labeller = (sources: LabelSources, id: string) => AuditLabel | undefined;

/**
 * Each kind's label, or undefined where the viewer may not read the material through the rest of
 * the API: each asks the same policy question as the route that reads it (`record.read`,
 * `position.read`, `round.minutes.read`, `plan.read`).
 */
export const LABEL_OF: Readonly<Record<LabelKind, Labeller>> = {
  record: (sources, id) => {
    const record = sources.context.records.get(id);
    if (record === undefined || !can(sources.viewer, 'record.read', recordResource(record))) return undefined;
    return {
      text: `record ‘${record.title}’ (${CLASSIFICATION_WORDS[record.classification]})`,
      opens: { page: 'record', recordId: record.id },
    };
  },
  position: (sources, id) => {
    const position = sources.context.positions.get(id);
    if (position === undefined || !mayReadPosition(sources, position)) return undefined;
    const prefix = `${possessive(partyName(sources, position.partyId))} position on`;
    return pointLabel(sources.plan, { ...position, prefix });
  },
  amendment: (sources, id) => {
    const amendment = sources.context.amendments.get(id);
    // Amendments are read as a `mediator` position of the proposing party (plan-policy.ts).
    if (amendment === undefined || !mayReadPosition(sources, { ...amendment, visibility: 'mediator' }))
      return undefined;
    const prefix = `amendment by ${partyName(sources, amendment.partyId)} to`;
    return pointLabel(sources.plan, { ...amendment, prefix });
  },
  round: (sources, id) => roundLabel(sources, id, ''),
  minutes: (sources, id) => {
    const round = sources.context.rounds.get(id);
    if (round === undefined) return undefined;
    const { negotiationId, viewer } = sources;
    const resource = { kind: 'round' as const, negotiationId, partiesPresent: round.partiesPresent };
    if (!can(viewer, 'round.minutes.read', resource)) return undefined;
    return roundLabel(sources, id, 'minutes of ');
  },
  version: (sources, id) => {
    const version = mayReadPlan(sources) ? sources.plan.find((candidate) => candidate.id === id) : undefined;
    return version === undefined
      ? undefined
      : { text: `plan version ‘${version.label}’`, opens: { page: 'version', versionId: version.id } };
  },
  point: (sources, id) => {
    // A point on its own (a point's options defined) is named as it last read.
    const version = mayReadPlan(sources)
      ? sources.plan.findLast((candidate) => candidate.points.some((point) => point.pointId === id))
      : undefined;
    return version === undefined
      ? undefined
      : pointLabel(sources.plan, { versionId: version.id, pointId: id, prefix: '' });
  },
};

const mayReadPlan = (sources: LabelSources) =>
  can(sources.viewer, 'plan.read', { kind: 'negotiation', negotiationId: sources.negotiationId });

function mayReadPosition(
  sources: LabelSources,
  position: { partyId: string; visibility: PositionVisibility },
): boolean {
  const party = sources.context.parties.get(position.partyId);
  return (
    party !== undefined &&
    mayReadPlan(sources) &&
    can(sources.viewer, 'position.read', {
      kind: 'position',
      negotiationId: sources.negotiationId,
      partyId: party,
      visibility: position.visibility,
    })
  );
}

/** A round's name and place are public (its minutes are not): "Geneva round · Geneva". */
function roundLabel(sources: LabelSources, id: string, prefix: string): AuditLabel | undefined {
  const round = sources.context.rounds.get(id);
  if (round === undefined || !mayReadPlan(sources)) return undefined;
  const name = round.place === '' ? round.name : `${round.name} · ${round.place}`;
  return { text: `${prefix}${name}`, opens: { page: 'round', roundId: round.id } };
}

/** "<prefix> point 12 · Security guarantees", as the point read in the given version. */
function pointLabel(
  plan: readonly PlanVersion[],
  input: { versionId: string; pointId: string; prefix: string },
): AuditLabel {
  const version = plan.find((candidate) => candidate.id === input.versionId);
  const point = version?.points.find((candidate) => candidate.pointId === input.pointId);
  const prefix = input.prefix === '' ? '' : `${input.prefix} `;
  if (version === undefined || point === undefined)
    return { text: `${prefix}a point since dropped`, opens: null };
  const name = pointName(point);
  // Numbers and titles change between versions: an older version is named so the reader knows which.
  const inVersion = plan.at(-1)?.id === version.id ? '' : ` (in ${version.label})`;
  return {
    text: `${prefix}point ${point.number}${name === '' ? '' : ` · ${name}`}${inVersion}`,
    opens: { page: 'point', pointId: point.pointId, versionId: version.id },
  };
}

const partyName = (sources: LabelSources, partyId: string) =>
  sources.context.partyNames.get(partyId) ?? 'a former party';

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}
