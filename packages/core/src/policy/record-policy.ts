import { assertNever } from '../errors';
import type { RecordResource } from './resources';
import { hasPartyRole, isMemberOf, isParticipant, type Viewer } from './viewer';

/** Records (transcripts, notes, memos): the classification decides who reads. */
export const RECORD_POLICY = {
  'record.read': canReadRecord,
  /** Records are filed on behalf of one's own party; the author's party always reads its own. */
  'record.create': (viewer: Viewer, resource: RecordResource) =>
    isMemberOf(viewer, resource.negotiationId, resource.owningPartyId),
};

function canReadRecord(viewer: Viewer, resource: RecordResource): boolean {
  const { negotiationId, owningPartyId, classification } = resource;
  if (isMemberOf(viewer, negotiationId, owningPartyId)) return true;
  switch (classification) {
    case 'public':
      return isParticipant(viewer, negotiationId);
    case 'parties':
      return hasPartyRole(viewer, negotiationId, ['mediator', 'party']);
    case 'mediator':
      return hasPartyRole(viewer, negotiationId, ['mediator']);
    case 'delegation':
      return false;
    default:
      return assertNever(classification);
  }
}
