import { describe, expect, expectTypeOf, it } from 'vitest';
import { NegotiationIdSchema, PartyIdSchema, type NegotiationId, type PartyId } from './ids';

describe('branded ids', () => {
  it('accepts a UUID and rejects anything else', () => {
    expect(NegotiationIdSchema.safeParse('00000000-0000-4000-8000-000000000001').success).toBe(true);
    expect(NegotiationIdSchema.safeParse('ukraine').success).toBe(false);
  });

  it('keeps one kind of id from standing in for another', () => {
    const negotiationId = NegotiationIdSchema.parse('00000000-0000-4000-8000-000000000001');
    expectTypeOf(negotiationId).toEqualTypeOf<NegotiationId>();
    expectTypeOf(negotiationId).not.toEqualTypeOf<PartyId>();
    // @ts-expect-error a NegotiationId is not a PartyId
    const partyId: PartyId = negotiationId;
    expect(PartyIdSchema.parse(partyId)).toBe(negotiationId);
  });
});
