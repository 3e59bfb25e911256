import { PreferenceProfileSchema, type PreferenceProfile } from '@parley/core';
import type { SealKey } from './seal-key';
import { openJson, SealOpenError, sealJson } from './sealed-json';

/**
 * The row a sealed profile belongs to. A ciphertext copied to another party's row, another
 * negotiation or another revision fails to open, so it cannot be read out as someone else's.
 */
export type ProfileSealContext = {
  readonly negotiationId: string;
  readonly partyId: string;
  readonly revision: number;
};

const boundTo = (context: ProfileSealContext) =>
  `parley preference profile v1\n${context.negotiationId}\n${context.partyId}\n${context.revision}`;

/** The whole profile is sealed: its clear columns are copies kept for queries, never read back. */
export function sealProfile(key: SealKey, context: ProfileSealContext, profile: PreferenceProfile): string {
  return sealJson(key, boundTo(context), profile);
}

/** Opens a sealed profile; throws SealOpenError on a wrong key, an altered or a moved ciphertext. */
export function openProfile(key: SealKey, context: ProfileSealContext, sealed: string): PreferenceProfile {
  const parsed = PreferenceProfileSchema.safeParse(openJson(key, boundTo(context), sealed));
  if (!parsed.success) throw new SealOpenError('tampered', 'a sealed profile holds no profile');
  if (parsed.data.partyId !== context.partyId || parsed.data.revision !== context.revision)
    throw new SealOpenError('tampered', 'a sealed profile names another party or revision than its row');
  return parsed.data;
}
