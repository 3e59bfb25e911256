import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A checkpoint signing key as verifiers know it: its name, 4-byte key id and raw public key. */
export type AuditPublicKey = {
  readonly name: string;
  /** The signed-note key hash (C2SP): SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), first 4 bytes, hex. */
  readonly keyId: string;
  /** The 32-byte Ed25519 public key, base64. */
  readonly publicKey: string;
  readonly key: KeyObject;
};

/** The key that signs new checkpoints, and every key (current and retired) that still verifies. */
export type AuditKeyring = {
  readonly signer: AuditPublicKey & { readonly privateKey: KeyObject };
  readonly known: readonly AuditPublicKey[];
};

const CURRENT_FILE = 'current';
const NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{0,80}$/;

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
}

export function describePublicKey(name: string, key: KeyObject): AuditPublicKey {
  const raw = rawPublicKey(key);
  const keyId = createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([0x01]), raw]))
    .digest()
    .subarray(0, 4)
    .toString('hex');
  return { name, keyId, publicKey: raw.toString('base64'), key };
}

function newKeyName(now: Date): string {
  const stamp = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `parley-audit-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** A key held only in memory (tests, in-memory databases): checkpoints it signs die with the process. */
export function createEphemeralKeyring(now = new Date()): AuditKeyring {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signer = { ...describePublicKey(newKeyName(now), publicKey), privateKey };
  return { signer, known: [signer] };
}

/**
 * Writes a new signing key into the key folder and makes it current. The old private key stays
 * (delete it once you no longer need it); every `.pub` file keeps verifying old checkpoints.
 */
export function rotateAuditKey(keyDir: string, now = new Date()): AuditPublicKey {
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const name = newKeyName(now);
  const keyFile = path.join(keyDir, `${name}.key`);
  writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  writeFileSync(path.join(keyDir, `${name}.pub`), publicKey.export({ format: 'pem', type: 'spki' }));
  writeFileSync(path.join(keyDir, CURRENT_FILE), `${name}\n`);
  return describePublicKey(name, publicKey);
}

/** Every public key in the folder (`NAME.pub`). */
function readPublicKeys(keyDir: string): AuditPublicKey[] {
  if (!existsSync(keyDir)) return [];
  return readdirSync(keyDir)
    .filter((file) => file.endsWith('.pub') && NAME_PATTERN.test(file.slice(0, -4)))
    .sort()
    .map((file) =>
      describePublicKey(file.slice(0, -4), createPublicKey(readFileSync(path.join(keyDir, file)))),
    );
}

/**
 * The signing key lives outside the database, so whoever controls the database cannot sign a
 * checkpoint for a log they rewrote: PARLEY_AUDIT_SIGNING_KEY (a PKCS#8 PEM, with
 * PARLEY_AUDIT_KEY_NAME) wins; otherwise the key folder's current key, created on first use.
 */
export function loadAuditKeyring(options: {
  keyDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  createIfMissing?: boolean;
}): AuditKeyring {
  const env = options.env ?? process.env;
  const fromEnv = env.PARLEY_AUDIT_SIGNING_KEY;
  let signer: AuditKeyring['signer'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const privateKey = createPrivateKey(fromEnv.replaceAll('\\n', '\n'));
    const name = env.PARLEY_AUDIT_KEY_NAME ?? 'parley-audit-env';
    if (!NAME_PATTERN.test(name))
      throw new Error('PARLEY_AUDIT_KEY_NAME: lower-case letters, digits, . and -');
    signer = { ...describePublicKey(name, createPublicKey(privateKey)), privateKey };
  } else {
    const currentFile = path.join(options.keyDir, CURRENT_FILE);
    if (!existsSync(currentFile)) {
      if (options.createIfMissing === false) throw new Error(`no audit signing key in ${options.keyDir}`);
      rotateAuditKey(options.keyDir);
    }
    const name = readFileSync(currentFile, 'utf8').trim();
    if (!NAME_PATTERN.test(name)) throw new Error(`${currentFile}: not a key name`);
    const privateKey = createPrivateKey(readFileSync(path.join(options.keyDir, `${name}.key`)));
    signer = { ...describePublicKey(name, createPublicKey(privateKey)), privateKey };
  }
  const known = readPublicKeys(options.keyDir).filter((key) => key.keyId !== signer.keyId);
  return { signer, known: [signer, ...known] };
}

/** Where a server with this data folder keeps its keys (PARLEY_AUDIT_KEY_DIR overrides). */
export function defaultAuditKeyDir(dataDir: string | undefined): string {
  return process.env.PARLEY_AUDIT_KEY_DIR ?? path.resolve(dataDir ?? './data', 'audit-keys');
}
