import type { AuditEntry, AuditLabel, Negotiation, Viewer } from '@parley/core';
import { labelSubjects } from '../exports/subject-labels';
import { listExportRegister, type ExportRegisterRow } from '../storage/exports';
import { listPlanVersions } from '../storage/plan-versions';
import type { RecordHead } from '../storage/records';
import { LABEL_OF, type LabelKind, type LabelSources } from './audit-label-of';
import type { AuditContext } from './audit-material';
import type { AppDeps } from './deps';

type Kind = LabelKind | 'export';

/** Detail lists whose ids are labelled, and the kind of material each id names. */
const LISTS: Readonly<Record<string, Kind>> = {
  recordIds: 'record',
  positionIds: 'position',
  roundIds: 'minutes',
  amendmentIds: 'amendment',
};
/** Single ids in the detail that name public plan material (an escalated point, a copy's version). */
const FIELDS: Readonly<Record<string, Kind>> = {
  pointId: 'point',
  versionId: 'version',
  parentId: 'version',
};
/** Subject types that are labelled (the log calls a point `plan_point`). */
const SUBJECTS: Readonly<Record<string, Kind>> = {
  record: 'record',
  position: 'position',
  amendment: 'amendment',
  round: 'round',
  export: 'export',
  plan_version: 'version',
  plan_point: 'point',
};

/**
 * Names what each shown entry is about. Only ids the presenter already showed this viewer are
 * labelled, and each label is asked of the same policy as reading the material itself would be
 * (audit-label-of.ts), so a label never tells more than the rest of the API would. Returns the
 * restricted records whose titles were named, for the caller to keep in its audit entry.
 */
export async function labelAuditEntries(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; context: AuditContext; entries: readonly AuditEntry[] },
): Promise<{ entries: AuditEntry[]; recordsNamed: RecordHead[] }> {
  const { negotiation, context } = input;
  const wanted = input.entries.flatMap(idsOf);
  const needs = (...kinds: Kind[]) => wanted.some((item) => kinds.includes(item.kind));
  const [versions, copies] = await Promise.all([
    needs('position', 'amendment', 'version', 'point') ? listPlanVersions(deps.db, negotiation.id) : [],
    needs('export') ? listExportRegister(deps.db, negotiation.id) : [],
  ]);
  const sources: LabelSources = {
    viewer,
    negotiationId: negotiation.id,
    context,
    plan: versions.map((stored) => stored.version),
  };
  const shownCopies = new Set(wanted.flatMap((item) => (item.kind === 'export' ? [item.id] : [])));
  const copyLabels = await labelCopies(deps, viewer, {
    negotiation,
    context,
    copies: copies.filter((copy) => shownCopies.has(copy.id)),
  });
  const named = new Map<string, RecordHead>(copyLabels.recordsNamed.map((record) => [record.id, record]));
  const entries = input.entries.map((entry) => {
    const labels: Record<string, AuditLabel> = {};
    for (const { kind, id } of idsOf(entry)) {
      const label = kind === 'export' ? copyLabels.labelOf(id) : LABEL_OF[kind](sources, id);
      if (label === undefined) continue;
      labels[id] = label;
      const record = kind === 'record' ? context.records.get(id) : undefined;
      if (record !== undefined) named.set(id, record);
    }
    return { ...entry, labels };
  });
  const recordsNamed = [...named.values()].filter((record) => record.classification !== 'public');
  return { entries, recordsNamed };
}

/** The ids an entry shows, each with the kind of material it names. */
function idsOf(entry: AuditEntry): { kind: Kind; id: string }[] {
  const subject = SUBJECTS[entry.subjectType];
  const listed = Object.entries(LISTS).flatMap(([key, kind]) => {
    const value = entry.detail[key];
    return Array.isArray(value) ? value.map((id) => ({ kind, id })) : [];
  });
  const fields = Object.entries(FIELDS).flatMap(([key, kind]) => {
    const value = entry.detail[key];
    return typeof value === 'string' ? [{ kind, id: value }] : [];
  });
  const own =
    subject === undefined || entry.subjectId === null ? [] : [{ kind: subject, id: entry.subjectId }];
  return [...own, ...listed, ...fields];
}

/** "copy of <what> for <recipient>", the what named as the exports register names it. */
async function labelCopies(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; context: AuditContext; copies: readonly ExportRegisterRow[] },
): Promise<{ labelOf: (id: string) => AuditLabel | undefined; recordsNamed: RecordHead[] }> {
  if (input.copies.length === 0) return { labelOf: () => undefined, recordsNamed: [] };
  // A copy of a record is named by its title only where the viewer may read that record.
  const subjects = await labelSubjects(deps, viewer, {
    negotiation: input.negotiation,
    copies: input.copies,
  });
  const labelOf = (id: string): AuditLabel | undefined => {
    const copy = input.copies.find((candidate) => candidate.id === id);
    if (copy === undefined) return undefined;
    const recipient = input.context.members.findLast((member) => member.userId === copy.recipientUserId);
    return {
      text: `copy of ${subjects.labelOf(copy)} for ${recipient?.displayName ?? 'a former member'}`,
      opens: { page: 'exports' },
    };
  };
  return { labelOf, recordsNamed: subjects.recordsNamed };
}
