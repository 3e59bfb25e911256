import { sign, verify } from 'node:crypto';
import { describePublicKey, type AuditKeyring, type AuditPublicKey } from './signing-keys';

/** The log's name in every checkpoint: a checkpoint for another log never verifies against this one. */
export const CHECKPOINT_ORIGIN = 'parley/audit-log';

/** A parsed checkpoint: the tree it commits to and the signatures over its body. */
export type Checkpoint = {
  readonly origin: string;
  readonly treeSize: number;
  /** The Merkle tree root, 32 bytes. */
  readonly rootHash: Uint8Array;
  readonly body: string;
  readonly signatures: readonly { name: string; keyId: string; signature: Buffer }[];
};

/**
 * The checkpoint text, in the signed-note form of transparency logs (C2SP tlog-checkpoint):
 * origin, tree size and base64 root on three lines, a blank line, then `— NAME BASE64(keyid ‖ sig)`.
 */
export function signCheckpoint(
  keyring: AuditKeyring,
  tree: { treeSize: number; rootHash: Uint8Array },
): string {
  const body = `${CHECKPOINT_ORIGIN}\n${tree.treeSize}\n${Buffer.from(tree.rootHash).toString('base64')}\n`;
  const signature = sign(null, Buffer.from(body, 'utf8'), keyring.signer.privateKey);
  const keyId = Buffer.from(keyring.signer.keyId, 'hex');
  return `${body}\n\u2014 ${keyring.signer.name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

export type ParsedCheckpoint = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

/** Reads checkpoint text (as issued, or inside a file with other text around it). */
export function parseCheckpoint(text: string): ParsedCheckpoint {
  const start = text.indexOf(`${CHECKPOINT_ORIGIN}\n`);
  if (start < 0) return { ok: false, reason: `no "${CHECKPOINT_ORIGIN}" checkpoint in the text` };
  // The text of a PDF or DOCX copy loses the blank line after the body, or puts one after every
  // line (a DOCX paragraph each), and may wrap a signature line: none of that is signed (the
  // signature covers the body alone), so blank lines are passed over and wrapped lines joined.
  const lines = text
    .slice(start)
    .replaceAll('\r\n', '\n')
    .split('\n')
    .filter((line) => line !== '');
  const [origin = '', sizeLine = '', rootLine = ''] = lines;
  if (!/^\d{1,15}$/.test(sizeLine)) return { ok: false, reason: 'the tree size is not a number' };
  const rootHash = Buffer.from(rootLine, 'base64');
  if (rootHash.length !== 32) return { ok: false, reason: 'the root hash is not 32 bytes of base64' };
  const rest = lines.slice(3);
  const signatures = [];
  for (let at = 0; at < rest.length; at++) {
    const match = /^\u2014 (\S+)(?: ([A-Za-z0-9+/=]+))?$/.exec(rest[at] ?? '');
    if (match === null) break;
    let encoded = match[2] ?? '';
    const isBase64 = (line: string | undefined) => line !== undefined && /^[A-Za-z0-9+/=]+$/.test(line);
    while (Buffer.from(encoded, 'base64').length < 68 && isBase64(rest[at + 1])) {
      encoded += rest[at + 1];
      at++;
    }
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.length !== 68) continue;
    signatures.push({
      name: match[1] ?? '',
      keyId: bytes.subarray(0, 4).toString('hex'),
      signature: bytes.subarray(4),
    });
  }
  if (signatures.length === 0) return { ok: false, reason: 'the checkpoint carries no signature' };
  const body = `${origin}\n${sizeLine}\n${rootLine}\n`;
  return { ok: true, checkpoint: { origin, treeSize: Number(sizeLine), rootHash, body, signatures } };
}

/**
 * The trusted key whose signature over the body verifies, if any (retired keys still count). The
 * key id binds the signer's name to the key, so a pinned key needs no name of its own.
 */
export function findSigningKey(
  checkpoint: Checkpoint,
  keys: readonly Pick<AuditPublicKey, 'key'>[],
): Pick<AuditPublicKey, 'name' | 'keyId'> | undefined {
  for (const signature of checkpoint.signatures) {
    for (const { key } of keys) {
      const candidate = describePublicKey(signature.name, key);
      if (candidate.keyId !== signature.keyId) continue;
      if (verify(null, Buffer.from(checkpoint.body, 'utf8'), key, signature.signature)) return candidate;
    }
  }
  return undefined;
}
