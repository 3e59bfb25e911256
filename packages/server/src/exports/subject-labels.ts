import {
  assertNever,
  can,
  pointName,
  type ExportKind,
  type Negotiation,
  type PlanVersion,
  type Round,
  type Viewer,
} from '@parley/core';
import type { AppDeps } from '../services/deps';
import { recordResource } from '../services/records';
import type { ExportSubject } from '../storage/exports';
import { listRounds } from '../storage/plan-records';
import { listPlanVersions } from '../storage/plan-versions';
import { listRecordHeads, type RecordHead } from '../storage/records';

/** What the register says when the subject is gone or the viewer may not read its name. */
const KIND_NAMES: Record<ExportKind, string> = {
  'plan-version': 'Plan version',
  'point-history': 'Point history',
  'round-minutes': 'Round minutes',
  'round-readout': 'Round readout',
  'negotiation-summary': 'Negotiation summary',
  record: 'Record',
};

const restricted = (kind: ExportKind) => `${KIND_NAMES[kind]} (restricted)`;

type Subjects = {
  readonly versions: ReadonlyMap<string, PlanVersion>;
  readonly rounds: ReadonlyMap<string, Round>;
  readonly records: ReadonlyMap<string, RecordHead>;
};

/**
 * Names what each copy was made of (a version's label and redline, a point's number and name, a
 * round's name, a record's title, the negotiation's title for a summary): file names are ids. A
 * copy the viewer may fetch can be of something the viewer may not read (a member's own copy of
 * its delegation's note, after moving to another party), and the register must not rely on
 * copy-access.ts hiding the rest, so each name is asked of the same policy as reading it would be.
 * Returns the records whose titles were named, for the caller to audit as a records list is.
 */
export async function labelSubjects(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; copies: readonly ExportSubject[] },
): Promise<{ labelOf: (copy: ExportSubject) => string; recordsNamed: RecordHead[] }> {
  const subjects = await loadSubjects(deps, input);
  const mayReadPlan = can(viewer, 'plan.read', { kind: 'negotiation', negotiationId: input.negotiation.id });
  const readableRecord = (copy: ExportSubject) => {
    const record = copy.recordId === null ? undefined : subjects.records.get(copy.recordId);
    return record !== undefined && can(viewer, 'record.read', recordResource(record)) ? record : undefined;
  };
  const labelOf = (copy: ExportSubject): string => {
    switch (copy.kind) {
      case 'record':
        return readableRecord(copy)?.title ?? restricted(copy.kind);
      case 'negotiation-summary':
        return input.negotiation.title;
      case 'plan-version':
      case 'point-history':
      case 'round-minutes':
      case 'round-readout':
        if (!mayReadPlan) return restricted(copy.kind);
        return planSubjectName({ ...copy, kind: copy.kind }, subjects) ?? KIND_NAMES[copy.kind];
      default:
        return assertNever(copy.kind);
    }
  };
  const recordsNamed = [
    ...new Map(
      input.copies.flatMap((copy) => {
        const record = copy.kind === 'record' ? readableRecord(copy) : undefined;
        return record === undefined ? [] : [[record.id, record] as const];
      }),
    ).values(),
  ];
  return { labelOf, recordsNamed };
}

/** Versions, rounds and records are loaded only when some copy is of one. */
async function loadSubjects(
  deps: AppDeps,
  input: { negotiation: Negotiation; copies: readonly ExportSubject[] },
): Promise<Subjects> {
  const negotiationId = input.negotiation.id;
  const needs = (field: 'versionId' | 'roundId' | 'recordId') =>
    input.copies.some((copy) => copy[field] !== null);
  const [versions, rounds, records] = await Promise.all([
    needs('versionId') ? listPlanVersions(deps.db, negotiationId) : [],
    needs('roundId') ? listRounds(deps.db, negotiationId) : [],
    needs('recordId') ? listRecordHeads(deps.db, negotiationId) : [],
  ]);
  return {
    versions: new Map(versions.map((entry) => [entry.version.id as string, entry.version])),
    rounds: new Map(rounds.map((round) => [round.id as string, round])),
    records: new Map(records.map((record) => [record.id as string, record])),
  };
}

/** A version's label, a point's number and name in it, or a round's name; undefined if gone. */
function planSubjectName(
  copy: ExportSubject & { kind: Exclude<ExportKind, 'record' | 'negotiation-summary'> },
  subjects: Subjects,
): string | undefined {
  const version = copy.versionId === null ? undefined : subjects.versions.get(copy.versionId);
  switch (copy.kind) {
    case 'plan-version': {
      const compared =
        copy.compareToVersionId === null ? undefined : subjects.versions.get(copy.compareToVersionId);
      if (version === undefined) return undefined;
      return compared === undefined ? version.label : `${version.label}, redline from ${compared.label}`;
    }
    case 'point-history': {
      const point = version?.points.find((candidate) => candidate.pointId === copy.pointId);
      if (version === undefined || point === undefined) return undefined;
      const name = pointName(point);
      return `${point.number}.${name === '' ? '' : ` ${name}`} (${version.label})`;
    }
    case 'round-minutes':
    case 'round-readout':
      return copy.roundId === null ? undefined : subjects.rounds.get(copy.roundId)?.name;
    default:
      return undefined;
  }
}
