import { MemberIdSchema, NegotiationIdSchema, PartyIdSchema, UserIdSchema, type Member } from '@parley/core';
import { describe, expect, it } from 'vitest';
import type { StoredAuditEntry } from '../storage/audit-log';
import { resolveAuditEntry, type AuditContext } from './audit-material';

const negotiationId = NegotiationIdSchema.parse('00000000-0000-4000-8000-000000000d01');
const ukraine = PartyIdSchema.parse('00000000-0000-4000-8000-000000000e02');
const testland = PartyIdSchema.parse('00000000-0000-4000-8000-000000000e09');
const mover = UserIdSchema.parse('00000000-0000-4000-8000-000000000105');

const seat = (id: string, partyId: typeof ukraine, validFrom: string, validTo: string | null): Member => ({
  id: MemberIdSchema.parse(id),
  negotiationId,
  partyId,
  userId: mover,
  displayName: 'Mover',
  function: 'delegate',
  title: '',
  validFrom,
  validTo,
});

// Sat for Ukraine in 2025, for Testland since 2026.
const context: AuditContext = {
  negotiationId,
  records: new Map(),
  amendments: new Map(),
  rounds: new Map(),
  members: [
    seat('00000000-0000-4000-8000-00000000f101', ukraine, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    seat('00000000-0000-4000-8000-00000000f102', testland, '2026-01-01T00:00:00Z', null),
  ],
  parties: new Map([
    [ukraine, ukraine],
    [testland, testland],
  ]),
  partyNames: new Map(),
  positions: new Map(),
  now: new Date('2026-06-01T00:00:00Z'),
};

const entryAt = (at: string): StoredAuditEntry => ({
  seq: 1,
  at: new Date(at),
  actorId: mover,
  action: 'negotiation.read',
  subjectType: 'negotiation',
  subjectId: negotiationId,
  negotiationId,
  detail: {},
  ip: '10.44.44.44',
  salt: null,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
});

describe('the parties an entry’s actor spoke for', () => {
  // A security probe: Ukraine saw the address its former member used later, sitting for Testland.
  it('are those of the seats held when it was written, not every seat ever held', () => {
    expect(resolveAuditEntry(entryAt('2025-06-01T00:00:00Z'), context).actorPartyIds).toEqual([ukraine]);
    expect(resolveAuditEntry(entryAt('2026-06-01T00:00:00Z'), context).actorPartyIds).toEqual([testland]);
    expect(resolveAuditEntry(entryAt('2026-01-01T00:00:00Z'), context).actorPartyIds).toEqual([testland]);
    expect(resolveAuditEntry(entryAt('2024-06-01T00:00:00Z'), context).actorPartyIds).toEqual([]);
  });

  it('name a copy’s recipient by the seats they held when it was read for them', () => {
    const forMover = { ...entryAt('2026-06-01T00:00:00Z'), actorId: null, detail: { onBehalfOf: mover } };
    expect(resolveAuditEntry(forMover, context).onBehalfOf?.partyIds).toEqual([testland]);
  });
});

describe('the delegation a copy’s export entry belongs to', () => {
  // A security probe: a mover's copies taken for Testland went to Ukraine's log (their first seat
  // ever), with the copy's id and hash, and Testland never saw them.
  const exportedAt = (at: string): StoredAuditEntry => ({
    ...entryAt(at),
    action: 'export.create',
    subjectType: 'export',
    subjectId: '00000000-0000-4000-8000-00000000e001',
    detail: { exportId: '00000000-0000-4000-8000-00000000e001', recipientUserId: mover },
  });

  it('is the one its recipient sat for when it was made', () => {
    expect(resolveAuditEntry(exportedAt('2025-06-01T00:00:00Z'), context).subject).toEqual({
      kind: 'party-internal',
      partyId: ukraine,
    });
    expect(resolveAuditEntry(exportedAt('2026-06-01T00:00:00Z'), context).subject).toEqual({
      kind: 'party-internal',
      partyId: testland,
    });
  });

  it('is none (the mediator staff’s alone) when the recipient sat for no party then', () => {
    expect(resolveAuditEntry(exportedAt('2024-06-01T00:00:00Z'), context).subject).toEqual({
      kind: 'mediator-only',
    });
  });
});
