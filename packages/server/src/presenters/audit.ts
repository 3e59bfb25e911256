import type { AuditChainStatus, AuditEntry, AuditMaterial, PartyId } from '@parley/core';
import type { AuditChainReport } from '../audit';
import type { ResolvedAuditEntry } from '../services/audit-material';
import type { StoredAuditEntry } from '../storage/audit-log';

/**
 * Detail fields shown per action, one by one, so a field a writer adds later never reaches a
 * client by accident. Lists of ids (`recordIds`, …) are shown id by id, elsewhere.
 */
const DETAIL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'member.add': ['partyId', 'userId', 'function', 'validFrom', 'validTo'],
  'member.end': ['validTo'],
  'member.lead-change': ['ended', 'lead', 'validFrom'],
  'escalation.create': ['pointId'],
  'escalation.decide': ['outcome'],
  'amendment.create': ['partyId'],
  'position.set': ['partyId', 'versionId', 'pointId', 'revision', 'visibility'],
  'invitation.create': ['partyId', 'email', 'function'],
  'invitation.accept': ['memberId'],
  'invitation.revoke': ['partyId', 'email', 'function'],
  'plan.version.create': ['revision', 'parentId', 'points', 'operations'],
  'record.create': ['classification', 'owningPartyId'],
  'record.read': ['classification'],
  'export.create': ['exportId', 'recipientUserId', 'versionId', 'contentHash'],
  'export.trace': ['verdict', 'identified', 'marksRead'],
  'audit.read': ['action'],
  // The mandate's text is long: the entry names it as changed without copying it.
  'negotiation.update': [
    'revision',
    'changed',
    'titleBefore',
    'title',
    'closureRuleBefore',
    'closureRule',
    'timeZoneBefore',
    'timeZone',
  ],
  'party.update': ['revision', 'changed', 'nameBefore', 'name', 'requiredBefore', 'required'],
};

type DetailValue = AuditEntry['detail'][string];

/**
 * What the policy decided for one viewer, per piece of material: `audit.entry.read` (is the entry
 * listed?) and `audit.subject.read` (are its ids shown?). The service builds it with `can()`; the
 * presenter only applies it.
 */
export type AuditAccess = {
  readonly isListed: (material: AuditMaterial) => boolean;
  readonly isNamed: (material: AuditMaterial) => boolean;
  /** Does the viewer see every edit of this party's positions (and so may learn revision numbers)? */
  readonly seesEveryEditOf: (partyId: string) => boolean;
  /** Does the viewer sit for this party now? (an invitation's address is that delegation's business) */
  readonly speaksFor: (partyId: string) => boolean;
  readonly viewerId: string | null;
};

/** Actions whose detail names an invited address. */
const INVITATION_ACTIONS = new Set(['invitation.create', 'invitation.revoke']);

/** The entry as this viewer may see it, or undefined when it must not be listed at all. */
export function presentAuditEntry(
  access: AuditAccess,
  entry: StoredAuditEntry,
  resolved: ResolvedAuditEntry,
): AuditEntry | undefined {
  const { isListed, isNamed } = access;
  const base = {
    id: entry.hash,
    at: entry.at.toISOString(),
    actorId: resolved.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    // Labels are the service's to add (audit-labels.ts), id by id, after this decided which ids show.
    labels: {},
    // A reader's address is the business of the mediator staff and of the reader's own delegation,
    // not of another party (docs/security.md#client-addresses-and-proxies).
    ip: isNamed({ kind: 'mediator-only' }) || isBusinessOf(access, resolved.actorPartyIds) ? entry.ip : null,
  };
  // Whom the mediator read for is shown only to whom that copy is anyway (like its export.create entry).
  const forWhom: Record<string, DetailValue> =
    resolved.onBehalfOf !== undefined && isBusinessOf(access, resolved.onBehalfOf.partyIds)
      ? { onBehalfOf: resolved.onBehalfOf.userId }
      : {};
  const { list } = resolved;
  if (list !== undefined) {
    // Ids the viewer may not even know about are dropped silently; ids it may know exist but not open are flagged.
    const listed = list.items.filter((item) => isListed(item.material));
    if (listed.length === 0) return undefined;
    const named = listed.filter((item) => isNamed(item.material)).map((item) => item.id);
    return {
      ...base,
      subjectId: null,
      detail: { [list.key]: named, ...forWhom },
      redacted: named.length < listed.length,
    };
  }
  if (!isListed(resolved.subject)) return undefined;
  if (!isNamed(resolved.subject)) return { ...base, subjectId: null, detail: {}, redacted: true };
  const detail = pickDetail(entry);
  // A revision number counts edits the viewer may not have seen (made while the position was private).
  if (entry.action === 'position.set' && typeof detail.partyId === 'string') {
    if (!access.seesEveryEditOf(detail.partyId)) delete detail.revision;
  }
  // The mediator staff may know that a delegation invited someone, not whom: the address stays
  // with the delegation and with whoever sent the invitation (docs/api.md, pending invitations).
  if (INVITATION_ACTIONS.has(entry.action) && typeof detail.partyId === 'string') {
    const isOwn =
      access.speaksFor(detail.partyId) || (resolved.actorId !== null && resolved.actorId === access.viewerId);
    if (!isOwn) delete detail.email;
  }
  return { ...base, subjectId: entry.subjectId, detail: { ...detail, ...forWhom }, redacted: false };
}

function isBusinessOf(access: AuditAccess, partyIds: readonly PartyId[]): boolean {
  return partyIds.some((partyId) => access.isNamed({ kind: 'party-internal', partyId }));
}

function pickDetail(entry: StoredAuditEntry): Record<string, DetailValue> {
  const picked: Record<string, DetailValue> = {};
  for (const field of DETAIL_FIELDS[entry.action] ?? []) {
    const value = toDetailValue(entry.detail[field]);
    if (value !== undefined) picked[field] = value;
  }
  return picked;
}

function toDetailValue(value: unknown): DetailValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string'))
    return [...value];
  return undefined;
}

/** The staff learn which entry breaks the chain; others only that it is broken (its seq numbers count hidden entries). */
export function presentAuditChain(
  access: AuditAccess,
  { report, checkedAt }: { report: AuditChainReport; checkedAt: Date },
): AuditChainStatus {
  if (report.ok) return { verified: true, checkedAt: checkedAt.toISOString(), problem: null };
  const isStaff = access.isNamed({ kind: 'mediator-only' });
  return {
    verified: false,
    checkedAt: checkedAt.toISOString(),
    problem: isStaff
      ? report.reason
      : 'The audit log was altered or entries were removed. The mediator staff can see where.',
  };
}
