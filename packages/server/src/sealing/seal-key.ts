import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A 256-bit key that seals blind bids; its id is stored with each ciphertext. */
export type SealKey = { readonly id: string; readonly secret: Buffer };

const KEY_FILE = 'bid-seal.key';

function describe(secret: Buffer): SealKey {
  if (secret.length !== 32) throw new Error('the bid seal key must be 32 bytes');
  // The id names the key without revealing it: a wrong key is reported as such, not as tampering.
  const id = createHash('sha256').update('parley bid seal key id\n').update(secret).digest('hex').slice(0, 8);
  return { id, secret };
}

/** A key held only in memory (tests, in-memory databases): bids it seals die with the process. */
export function createEphemeralSealKey(): SealKey {
  return describe(randomBytes(32));
}

/**
 * The key lives beside the audit signing keys, outside the database, so whoever reads the tables
 * (an operator, a backup, the mediator's staff with SQL) sees only ciphertext.
 * PARLEY_BID_SEAL_KEY (32 bytes, base64) wins — every process serving one PostgreSQL database
 * must have the same key; otherwise the key folder's `bid-seal.key`, created on first use.
 */
export function loadSealKey(options: {
  keyDir: string;
  env?: Readonly<Record<string, string | undefined>>;
}): SealKey {
  const fromEnv = (options.env ?? process.env).PARLEY_BID_SEAL_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return describe(Buffer.from(fromEnv.trim(), 'base64'));
  const file = path.join(options.keyDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(options.keyDir, { recursive: true, mode: 0o700 });
    try {
      // 'wx': two processes starting together on one folder must not each write a different key.
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return describe(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
