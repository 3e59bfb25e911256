import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One 256-bit key; its id is stored with each ciphertext. */
export type KeyOfSeal = { readonly id: string; readonly secret: Buffer };

/**
 * The key that seals (blind bids, profiles, live simulation jobs), with the retired keys that only
 * open: after a rotation, values sealed under an earlier key still open until they are re-sealed.
 */
export type SealKey = KeyOfSeal & { readonly retired: readonly KeyOfSeal[] };

const KEY_FILE = 'bid-seal.key';
/** One base64 key per line: keys that open what they sealed but seal nothing new. */
const RETIRED_FILE = 'bid-seal.retired';

function describe(secret: Buffer): KeyOfSeal {
  if (secret.length !== 32) throw new Error('the bid seal key must be 32 bytes');
  // The id names the key without revealing it: a wrong key is reported as such, not as tampering.
  const id = createHash('sha256').update('parley bid seal key id\n').update(secret).digest('hex').slice(0, 8);
  return { id, secret };
}

/** A key held only in memory (tests, in-memory databases): what it seals dies with the process. */
export function createEphemeralSealKey(): SealKey {
  return { ...describe(randomBytes(32)), retired: [] };
}

/** The key, or a retired one, that sealed under `id`; undefined when this server holds neither. */
export function sealKeyWithId(key: SealKey, id: string): KeyOfSeal | undefined {
  return key.id === id ? key : key.retired.find((retired) => retired.id === id);
}

/** Base64 keys, one per line or separated by commas or spaces, as a retired file or variable holds them. */
function keysIn(text: string, where: string): KeyOfSeal[] {
  return text
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map((part, index) => {
      try {
        return describe(Buffer.from(part, 'base64'));
      } catch {
        throw new Error(`${where}: key ${index + 1} is not 32 bytes of base64`);
      }
    });
}

/** Whether the keys come from PARLEY_BID_SEAL_KEY (and its retired keys) rather than the key folder. */
const keysFromEnvironment = (env: Readonly<Record<string, string | undefined>>): boolean =>
  (env.PARLEY_BID_SEAL_KEY ?? '').trim() !== '';

function writePrivate(file: string, text: string): void {
  // written beside and renamed over: a crash leaves the old file or the new one, never half of one
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, text, { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, file);
}

/**
 * Makes a new key current in the key folder; the current one joins the retired keys, so every
 * value it sealed still opens (re-seal them with `resealAll`, then `forgetRetiredSealKeys`). The
 * retired file is written first: a crash between the two writes leaves the old key current and
 * also listed as retired, which opens everything as before.
 */
export function rotateSealKey(
  keyDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SealKey {
  if (keysFromEnvironment(env))
    throw new Error(
      'the seal key comes from PARLEY_BID_SEAL_KEY: rotate it there (the new key in PARLEY_BID_SEAL_KEY, the old one in PARLEY_BID_SEAL_RETIRED_KEYS), then run `parley seal reseal`',
    );
  const current = loadSealKey({ keyDir, env });
  const retired: KeyOfSeal[] = [{ id: current.id, secret: current.secret }, ...current.retired];
  writePrivate(
    path.join(keyDir, RETIRED_FILE),
    retired.map((key) => `${key.secret.toString('base64')}\n`).join(''),
  );
  const next = describe(randomBytes(32));
  writePrivate(path.join(keyDir, KEY_FILE), `${next.secret.toString('base64')}\n`);
  return { ...next, retired };
}

/** Drops the key folder's retired keys (once nothing stored is sealed under them). */
export function forgetRetiredSealKeys(
  keyDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  if (keysFromEnvironment(env))
    throw new Error(
      'the seal keys come from the environment: remove PARLEY_BID_SEAL_RETIRED_KEYS once `parley seal reseal` reports nothing under a retired key',
    );
  rmSync(path.join(keyDir, RETIRED_FILE), { force: true });
}

function retiredInFolder(keyDir: string): KeyOfSeal[] {
  const file = path.join(keyDir, RETIRED_FILE);
  return existsSync(file) ? keysIn(readFileSync(file, 'utf8'), file) : [];
}

/**
 * The key lives beside the audit signing keys, outside the database, so whoever reads the tables
 * (an operator, a backup, the mediator's staff with SQL) sees only ciphertext.
 * PARLEY_BID_SEAL_KEY (32 bytes, base64) wins — every process serving one PostgreSQL database
 * must have the same key — with PARLEY_BID_SEAL_RETIRED_KEYS; otherwise the key folder's
 * `bid-seal.key`, created on first use, with `bid-seal.retired`.
 */
export function loadSealKey(options: {
  keyDir: string;
  env?: Readonly<Record<string, string | undefined>>;
}): SealKey {
  const env = options.env ?? process.env;
  if (keysFromEnvironment(env)) {
    const key = describe(Buffer.from((env.PARLEY_BID_SEAL_KEY ?? '').trim(), 'base64'));
    const retired = keysIn(env.PARLEY_BID_SEAL_RETIRED_KEYS ?? '', 'PARLEY_BID_SEAL_RETIRED_KEYS');
    return { ...key, retired: retired.filter((old) => old.id !== key.id) };
  }
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
  const key = describe(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  return { ...key, retired: retiredInFolder(options.keyDir).filter((old) => old.id !== key.id) };
}
