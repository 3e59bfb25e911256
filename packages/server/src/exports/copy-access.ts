import { can, type NegotiationId, type Viewer } from '@parley/core';
import type { AppDeps } from '../services/deps';
import { partiesSatFor } from '../services/parties-sat-for';
import type { ExportSubject } from '../storage/exports';
import { recordResource } from '../services/records';
import { listMembers } from '../storage/members';
import { listRecordHeads } from '../storage/records';

/** What deciding access needs of a copy: whom it was made for, when, and what it was made of. */
type Copy = Pick<ExportSubject, 'recordId'> & {
  readonly recipientUserId: string;
  readonly createdAt: string;
};

/**
 * Who may fetch, list or trace a copy. Its recipient may, while still sitting for the party they
 * received it in (`export.download`: a copy holds what that delegation let them read); the mediator
 * staff may fetch the copies made for others, because they send them, but only of material they
 * may read themselves: a delegation that takes a copy of its own internal note (a `delegation`
 * record) has made something the mediator must never read. Records are the one kind of material a
 * delegation may read and the mediator may not (versions, histories, minutes and summaries are all
 * open to the mediator, and a summary counts shared positions only). To anyone else the copy does
 * not exist. Read once per request: the negotiation's seats and records are loaded only when a
 * copy needs them.
 */
export async function copyAccess(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiationId: NegotiationId; copies: readonly Copy[] },
): Promise<(copy: Copy) => boolean> {
  const { negotiationId } = input;
  const isOwn = (copy: Copy) => viewer.userId !== null && copy.recipientUserId === viewer.userId;
  const seats = input.copies.some(isOwn) ? await listMembers(deps.db, negotiationId) : [];
  const mayFetch = (copy: Copy) =>
    can(viewer, 'export.download', {
      kind: 'export',
      negotiationId,
      recipientUserId: copy.recipientUserId,
      // Only a recipient's own access turns on it: the staff's does not, so their seats are not read.
      recipientPartyIds: isOwn(copy)
        ? partiesSatFor(seats, { userId: copy.recipientUserId, at: copy.createdAt })
        : [],
    });
  const needsRecords = input.copies.some((copy) => copy.recordId !== null && !isOwn(copy) && mayFetch(copy));
  const records = needsRecords
    ? new Map((await listRecordHeads(deps.db, negotiationId)).map((record) => [record.id as string, record]))
    : new Map();
  return (copy) => {
    if (!mayFetch(copy)) return false;
    if (isOwn(copy) || copy.recordId === null) return true;
    const record = records.get(copy.recordId);
    return record !== undefined && can(viewer, 'record.read', recordResource(record));
  };
}
