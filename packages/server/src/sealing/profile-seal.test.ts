import { PartyIdSchema, type PreferenceProfile } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { openProfile, sealProfile } from './profile-seal';
import { createEphemeralSealKey } from './seal-key';
import { SealOpenError } from './sealed-json';

const partyId = PartyIdSchema.parse('00000000-0000-4000-8000-00000000a001');
const context = { negotiationId: '00000000-0000-4000-8000-00000000c001', partyId, revision: 3 };
const profile: PreferenceProfile = {
  partyId,
  revision: 3,
  scale: 'percent',
  weighting: 'weights',
  issues: [
    {
      pointId: '00000000-0000-4000-8000-00000000d001' as never,
      ratings: { low: 17.25, high: 83.5 },
      weight: 2,
    },
  ],
  weights: { '00000000-0000-4000-8000-00000000d001': 1 },
  reservation: 41.75,
  discount: 0.93,
  sharedWithMediator: false,
  savedAt: '2026-01-01T00:00:00.000Z',
};

describe('sealed preference profiles', () => {
  it('opens what it sealed, and the ciphertext shows no rating, reservation or discount', () => {
    const key = createEphemeralSealKey();
    const sealed = sealProfile(key, context, profile);
    for (const secret of ['17.25', '83.5', '41.75', '0.93', 'low', 'reservation'])
      expect(sealed).not.toContain(secret);
    expect(openProfile(key, context, sealed)).toEqual(profile);
  });

  it('refuses a ciphertext moved to another party, negotiation or revision', () => {
    const key = createEphemeralSealKey();
    const sealed = sealProfile(key, context, profile);
    const otherParty = '00000000-0000-4000-8000-00000000a002';
    expect(() => openProfile(key, { ...context, partyId: otherParty }, sealed)).toThrow(SealOpenError);
    expect(() =>
      openProfile(key, { ...context, negotiationId: '00000000-0000-4000-8000-00000000c002' }, sealed),
    ).toThrow(/altered or moved/);
    expect(() => openProfile(key, { ...context, revision: 4 }, sealed)).toThrow(/altered or moved/);
  });

  it('refuses a tampered ciphertext', () => {
    const key = createEphemeralSealKey();
    const [version, keyId, iv, body = '', tag] = sealProfile(key, context, profile).split('.');
    const flipped = `${body.startsWith('A') ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => openProfile(key, context, [version, keyId, iv, flipped, tag].join('.'))).toThrow(
      expect.objectContaining({ reason: 'tampered' }),
    );
  });

  it('names both keys when the server holds another key, and neither secret', () => {
    const sealedWith = createEphemeralSealKey();
    const held = createEphemeralSealKey();
    const sealed = sealProfile(sealedWith, context, profile);
    const error = (() => {
      try {
        openProfile(held, context, sealed);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SealOpenError);
    expect(error).toMatchObject({ reason: 'wrong-key' });
    expect(String(error)).toContain(`sealed under key ${sealedWith.id}, this server holds ${held.id}`);
    expect(String(error)).not.toContain(held.secret.toString('base64'));
  });
});
