import {
  can,
  DomainError,
  RecordIdSchema,
  type CreateRecordInput,
  type Negotiation,
  type NegotiationRecord,
  type PageQuery,
  type RecordId,
  type RecordResource,
  type Viewer,
} from '@parley/core';
import { recordReadAudit } from '../audit';
import { findRecord, insertRecord, listAdmittedRecords } from '../storage/records';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { requireParty } from './known-party';
import { pageOf, type Page } from './paging';
import { assertAllowed, visibleOrNotFound } from './viewer';

/** The policy's view of a record: what `record.read` decides on. */
export const recordResource = (
  record: Pick<NegotiationRecord, 'negotiationId' | 'owningPartyId' | 'classification'>,
): RecordResource => ({
  kind: 'record',
  negotiationId: record.negotiationId,
  owningPartyId: record.owningPartyId,
  classification: record.classification,
});

export async function createRecord(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; record: CreateRecordInput },
): Promise<NegotiationRecord> {
  const { negotiation } = input;
  const party = await requireParty(deps, {
    negotiationId: negotiation.id,
    partyId: input.record.owningPartyId,
    field: 'owningPartyId',
  });
  if (viewer.userId === null) throw new DomainError('unauthenticated', 'Sign in first.');
  const record: NegotiationRecord = {
    id: RecordIdSchema.parse(deps.ids.next()),
    negotiationId: negotiation.id,
    owningPartyId: party.id,
    authorId: viewer.userId,
    kind: input.record.kind,
    classification: input.record.classification,
    title: input.record.title,
    body: input.record.body,
    createdAt: deps.clock.now().toISOString(),
  };
  assertAllowed(can(viewer, 'record.create', recordResource(record)), 'file records for this party');
  await commitChange(deps, {
    actor: viewer,
    write: (tx) => insertRecord(tx, record),
    audit: {
      action: 'record.create',
      subjectType: 'record',
      subjectId: record.id,
      negotiationId: negotiation.id,
      detail: { classification: record.classification, owningPartyId: record.owningPartyId },
    },
    event: {
      type: 'record.created',
      negotiationId: negotiation.id,
      recordId: record.id,
      owningPartyId: record.owningPartyId,
      classification: record.classification,
    },
  });
  return record;
}

/** A page of the records the viewer may read; restricted ones in the page are audited as read. */
export async function listRecordsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; page: PageQuery },
): Promise<Page<NegotiationRecord>> {
  const { negotiation } = input;
  const page = pageOf(await recordsVisibleTo(deps, viewer, negotiation), input.page, (record) => record.id);
  await auditRecordsListed(deps, viewer, { negotiation, records: page.items });
  return page;
}

/** Every record the viewer may read, not yet audited: whoever shows them audits what it shows. */
export async function recordsVisibleTo(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<NegotiationRecord[]> {
  return listAdmittedRecords(deps.db, negotiation.id, (record) =>
    can(viewer, 'record.read', recordResource(record)),
  );
}

export async function auditRecordsListed(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; records: readonly Pick<NegotiationRecord, 'id' | 'classification'>[] },
): Promise<void> {
  const restricted = input.records
    .filter((record) => record.classification !== 'public')
    .map((record) => record.id);
  if (restricted.length === 0) return;
  await recordReadAudit(deps.db, {
    at: deps.clock.now(),
    actorId: viewer.userId,
    action: 'record.list',
    subjectType: 'record',
    subjectId: null,
    negotiationId: input.negotiation.id,
    detail: { recordIds: restricted },
  });
}

export async function getRecordForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; recordId: RecordId },
): Promise<NegotiationRecord> {
  const found = await findRecord(deps.db, { negotiationId: input.negotiation.id, recordId: input.recordId });
  const record = visibleOrNotFound(
    found,
    (candidate) => can(viewer, 'record.read', recordResource(candidate)),
    'Record',
  );
  if (record.classification !== 'public') {
    await recordReadAudit(deps.db, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'record.read',
      subjectType: 'record',
      subjectId: record.id,
      negotiationId: record.negotiationId,
      detail: { classification: record.classification },
    });
  }
  return record;
}
