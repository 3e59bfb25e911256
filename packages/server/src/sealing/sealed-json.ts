import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sealKeyWithId, type SealKey } from './seal-key';

// The format blind bids have used since they were first sealed: `v1.<key id>.<iv>.<body>.<tag>`,
// base64url parts. Every sealed value keeps it, so bids sealed before profiles were still open.
const VERSION = 'v1';

/** Why a sealed value would not open; the message names key ids, never a key or a value. */
export class SealOpenError extends Error {
  constructor(
    readonly reason: 'not-sealed' | 'wrong-key' | 'tampered',
    message: string,
  ) {
    super(message);
    this.name = 'SealOpenError';
  }
}

/**
 * AES-256-GCM with a fresh 96-bit IV: equal values give unrelated ciphertexts. `boundTo` is the
 * associated data: a purpose line and the ids of the row the value belongs to.
 */
export function sealJson(key: SealKey, boundTo: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.secret, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const parts = [iv, body, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [VERSION, key.id, ...parts].join('.');
}

const heldIds = (key: SealKey): string =>
  key.retired.length === 0 ? key.id : `${key.id} (retired: ${key.retired.map((old) => old.id).join(', ')})`;

/** The id of the key a sealed value was sealed under, or undefined if it is not one. */
export function sealedKeyId(sealed: string): string | undefined {
  const [version, keyId] = sealed.split('.');
  return version === VERSION && keyId !== undefined && keyId !== '' ? keyId : undefined;
}

/** Opens a sealed value (under the key or a retired one); throws SealOpenError if the key differs, or the ciphertext or its binding was altered. */
export function openJson(key: SealKey, boundTo: string, sealed: string): unknown {
  const [version, keyId, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || iv === undefined || body === undefined || tag === undefined)
    throw new SealOpenError('not-sealed', 'not a sealed value');
  const opener = sealKeyWithId(key, keyId ?? '');
  if (opener === undefined)
    throw new SealOpenError(
      'wrong-key',
      `sealed under key ${keyId ?? '?'}, this server holds ${heldIds(key)}`,
    );
  const decipher = createDecipheriv('aes-256-gcm', opener.secret, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  let text: string;
  try {
    text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString();
  } catch {
    // GCM cannot tell an altered ciphertext from one moved to another row: both fail the tag.
    throw new SealOpenError(
      'tampered',
      `a value sealed under key ${opener.id} was altered or moved to another row`,
    );
  }
  return JSON.parse(text);
}
