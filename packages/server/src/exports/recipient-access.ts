import { can, DomainError, type CreateExportInput, type Negotiation, type Viewer } from '@parley/core';
import type { AppDeps } from '../services/deps';
import { listRounds } from '../storage/plan-records';
import { recordResource } from '../services/records';
import { findRecord } from '../storage/records';
import type { Recipient } from './recipients';

const SHARED_WITH = {
  public: 'public',
  parties: 'shared with the mediator and the parties',
  mediator: 'shared with the mediator only',
  delegation: "its delegation's own",
} as const;

/**
 * Refuses, saying why, a copy for someone who may not read what the exporter may: round minutes
 * (the mediator and the parties present read them) and restricted records. Building the copy as
 * the recipient would answer "not found", true for the recipient but baffling to a mediator who
 * can see the round. Only what the exporter may read is explained, so nothing is revealed; for
 * anything else the build's own 404 stands.
 */
export async function assertRecipientMayRead(
  deps: AppDeps,
  input: {
    exporter: Viewer;
    recipient: Recipient;
    recipientViewer: Viewer;
    negotiation: Negotiation;
    body: CreateExportInput;
  },
): Promise<void> {
  const { exporter, recipient, recipientViewer, negotiation, body } = input;
  if (exporter.userId === recipient.userId) return;
  const negotiationId = negotiation.id;
  const refuse = (what: string, field: string) => {
    throw new DomainError(
      'invalid-input',
      `${recipient.displayName} may not read ${what}: choose another recipient.`,
      { field },
    );
  };
  if (body.kind === 'round-minutes' && body.roundId !== undefined) {
    const round = (await listRounds(deps.db, negotiationId)).find(
      (candidate) => candidate.id === body.roundId,
    );
    if (round === undefined) return;
    const resource = { kind: 'round' as const, negotiationId, partiesPresent: round.partiesPresent };
    if (
      can(exporter, 'round.minutes.read', resource) &&
      !can(recipientViewer, 'round.minutes.read', resource)
    )
      refuse('the minutes of this round (the mediator and the parties present do)', 'recipientUserId');
  }
  if (body.kind === 'record' && body.recordId !== undefined) {
    const record = await findRecord(deps.db, { negotiationId, recordId: body.recordId });
    if (record === undefined) return;
    const resource = recordResource(record);
    if (can(exporter, 'record.read', resource) && !can(recipientViewer, 'record.read', resource))
      refuse(`this record (${SHARED_WITH[record.classification]})`, 'recipientUserId');
  }
}
