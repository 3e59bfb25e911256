import { can, DomainError, type Negotiation, type RecordId, type Viewer } from '@parley/core';
import { recordReadAudit } from '../../audit';
import type { AppDeps } from '../../services/deps';
import { findRecord } from '../../storage/records';
import { paragraphsOf } from '../document/export-document';
import type { Material } from './material';

const KIND_TITLES = { transcript: 'Transcript', note: 'Note', memo: 'Memo' } as const;

/**
 * A record (transcript, note, memo) as its recipient reads it. Everyone in `readers` must be
 * allowed to read the record: the recipient, and whoever exports the copy (the mediator staff may
 * download every copy, so they must not obtain a record through a copy made for someone else).
 * Anyone else gets the same 404 as for a record that does not exist. A restricted record's copy is
 * logged as a read by its recipient (the exporter's, on their behalf, when someone else made it).
 */
export async function recordMaterial(
  deps: AppDeps,
  readers: readonly Viewer[],
  input: { negotiation: Negotiation; recordId: RecordId },
): Promise<Omit<Material, 'subject'>> {
  const record = await findRecord(deps.db, {
    negotiationId: input.negotiation.id,
    recordId: input.recordId,
  });
  const resource = record && {
    kind: 'record' as const,
    negotiationId: record.negotiationId,
    owningPartyId: record.owningPartyId,
    classification: record.classification,
  };
  if (
    record === undefined ||
    resource === undefined ||
    !readers.every((viewer) => can(viewer, 'record.read', resource))
  )
    throw new DomainError('not-found', 'Record not found.', { field: 'recordId' });
  // A copy holds the whole text: its owner sees in its log who took one, as who opened it.
  const [recipient] = readers;
  if (record.classification !== 'public' && recipient !== undefined)
    await recordReadAudit(deps.db, {
      at: deps.clock.now(),
      actorId: recipient.userId,
      action: 'record.read',
      subjectType: 'record',
      subjectId: record.id,
      negotiationId: record.negotiationId,
      detail: { classification: record.classification },
    });
  const kindTitle = KIND_TITLES[record.kind];
  const blocks = paragraphsOf(record.body).map((paragraph, index) => ({
    id: `record:${record.id}:${index}`,
    number: String(index + 1),
    // Numbered, untitled: the paragraphs as written, with nothing the author did not write.
    title: '',
    text: paragraph,
  }));
  const isPublic = record.classification === 'public';
  return {
    title: record.title,
    detail: `${kindTitle} of ${record.createdAt.slice(0, 10)}${isPublic ? '' : ' (restricted)'}`,
    sections: [{ heading: null, blocks }],
    isFingerprinted: !isPublic,
  };
}
