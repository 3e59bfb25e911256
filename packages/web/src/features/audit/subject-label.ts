import type { AuditEntry, AuditLabelTarget } from '@parley/core';
import { describeSubject, ID_LISTS, type Names } from './describe-entry';

/** What an entry (or one id in its detail) is about, in words, and where the app opens it. */
export type SubjectLabel = { text: string; opens: AuditLabelTarget | null };

/**
 * The entry's subject. The server labels only ids it showed this viewer and only where the viewer
 * may read the material itself; anything else gets a neutral word, never an id tail, so what the
 * screen says is no more than the rest of the app would.
 */
export function subjectLabel(entry: AuditEntry, names: Names): SubjectLabel | undefined {
  const { subjectId, subjectType } = entry;
  const noun = describeSubject(subjectType);
  if (subjectId === null) {
    // A list entry (a read of several records) names its subjects in the detail instead.
    const isList = Object.keys(ID_LISTS).some((key) => key in entry.detail);
    return entry.redacted && !isList
      ? { text: `${article(noun)} ${noun} you may not open`, opens: null }
      : undefined;
  }
  const label = entry.labels[subjectId];
  if (label !== undefined) return label;
  // Parties and people are public to every participant: the page has their names already.
  if (subjectType === 'party') {
    const party = names.parties.find((candidate) => candidate.id === subjectId);
    if (party !== undefined) return { text: party.name, opens: null };
  }
  if (subjectType === 'member') {
    const member = names.members.find((candidate) => candidate.id === subjectId);
    if (member !== undefined) return { text: `${member.displayName}’s seat`, opens: null };
  }
  if (subjectType === 'user') {
    const member = names.members.findLast((candidate) => candidate.userId === subjectId);
    if (member !== undefined) return { text: member.displayName, opens: null };
  }
  return { text: `${article(noun)} ${noun}`, opens: null };
}

/** Each list in the detail: "2 records" and what each listed id names ("a record" when unlabelled). */
export function listedSubjects(entry: AuditEntry): { count: string; items: SubjectLabel[] }[] {
  return Object.entries(ID_LISTS).flatMap(([key, [one, many]]) => {
    const value = entry.detail[key];
    if (!Array.isArray(value) || value.length === 0) return [];
    return [
      {
        count: `${value.length} ${value.length === 1 ? one : many}`,
        items: value.map((id) => entry.labels[id] ?? { text: `${article(one)} ${one}`, opens: null }),
      },
    ];
  });
}

/** The app path that opens a label's target, under the negotiation. */
export function labelPath(negotiationId: string, opens: AuditLabelTarget): string {
  const base = `/n/${encodeURIComponent(negotiationId)}`;
  switch (opens.page) {
    case 'point':
      return `${base}/points/${encodeURIComponent(opens.pointId)}?version=${encodeURIComponent(opens.versionId)}`;
    case 'version':
      return `${base}/plan?version=${encodeURIComponent(opens.versionId)}`;
    case 'round':
      return `${base}/timeline#round-${encodeURIComponent(opens.roundId)}`;
    case 'record':
      return `${base}/records#record-${encodeURIComponent(opens.recordId)}`;
    case 'exports':
      return `${base}/exports`;
  }
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
