import type { BiddingId } from '@parley/core';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealKey } from './seal-key';

const VERSION = 'v1';

/** What a sealed bound is bound to: moving a ciphertext to another bidding or side fails to open. */
export type SealContext = { readonly biddingId: BiddingId; readonly partyId: string };

const aad = (context: SealContext) =>
  Buffer.from(`parley blind bid ${VERSION}\n${context.biddingId}\n${context.partyId}`, 'utf8');

/** AES-256-GCM with a fresh 96-bit IV: equal bounds give unrelated ciphertexts. */
export function sealBound(key: SealKey, context: SealContext, bound: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.secret, iv);
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(JSON.stringify(bound), 'utf8'), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [VERSION, key.id, ...parts].join('.');
}

/** Opens a sealed bound; throws if the key differs, or the ciphertext or its context was altered. */
export function openBound(key: SealKey, context: SealContext, sealed: string): number {
  const [version, keyId, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || iv === undefined || body === undefined || tag === undefined)
    throw new Error('not a sealed bid');
  if (keyId !== key.id) throw new Error(`sealed under key ${keyId ?? '?'}, this server holds ${key.id}`);
  const decipher = createDecipheriv('aes-256-gcm', key.secret, Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString();
  const bound: unknown = JSON.parse(text);
  if (typeof bound !== 'number' || !Number.isFinite(bound)) throw new Error('a sealed bid holds no number');
  return bound;
}
