import type { Member, NegotiationRecord, Party, Round } from '@parley/core';
import { describe, expect, test } from 'vitest';
import { recipientsFor } from './recipient-readers';

const NEGOTIATION = '00000000-0000-4000-8000-000000000001';
const party = (id: string, role: Party['role']) => ({ id, negotiationId: NEGOTIATION, role }) as Party;
const seat = (userId: string, partyId: string, validTo: string | null = null) =>
  ({
    id: `${userId}-${partyId}`,
    negotiationId: NEGOTIATION,
    partyId,
    userId,
    displayName: userId,
    function: 'delegate',
    validFrom: '2025-01-01T00:00:00.000Z',
    validTo,
  }) as Member;

const parties = [party('mediator', 'mediator'), party('ukraine', 'party'), party('russia', 'party')];
const members = [
  seat('envoy', 'mediator'),
  seat('kyiv', 'ukraine'),
  seat('moscow', 'russia'),
  seat('left', 'ukraine', '2025-06-01T00:00:00.000Z'),
];
const input = { members, parties, selfUserId: 'envoy', now: new Date('2025-12-01T00:00:00.000Z') };
const offered = (material: Parameters<typeof recipientsFor>[0]) =>
  recipientsFor(material, input).map((member) => member.userId);
const record = (classification: NegotiationRecord['classification']) =>
  ({ negotiationId: NEGOTIATION, owningPartyId: 'ukraine', classification }) as NegotiationRecord;

describe('recipientsFor', () => {
  test('offers every other current member for material every participant reads', () => {
    expect(offered({ kind: 'open' })).toEqual(['kyiv', 'moscow']);
  });

  // The server refused these with "may not read this record": the form no longer offers them.
  test('offers only the owning delegation for a record shared with the mediator', () => {
    expect(offered({ kind: 'record', record: record('mediator') })).toEqual(['kyiv']);
    expect(offered({ kind: 'record', record: record('parties') })).toEqual(['kyiv', 'moscow']);
  });

  test('offers only the parties in the room for round minutes', () => {
    const round = { negotiationId: NEGOTIATION, partiesPresent: ['mediator', 'russia'] } as unknown as Round;
    expect(offered({ kind: 'round-minutes', round })).toEqual(['moscow']);
  });

  test('rules no one out before the record is chosen', () => {
    expect(offered({ kind: 'record', record: undefined })).toEqual(['kyiv', 'moscow']);
  });
});
