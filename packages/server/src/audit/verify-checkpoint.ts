import { createPublicKey } from 'node:crypto';
import { verifyConsistency } from '@parley/core';
import type { Database } from '../storage/database';
import { loadAuditTree } from './audit-tree';
import { nodeSha256 } from './read-log';
import { CHECKPOINT_ORIGIN, findSigningKey, parseCheckpoint } from './checkpoint';
import { describePublicKey, type AuditPublicKey } from './signing-keys';

export type CheckpointReport =
  { ok: true; checkpointSize: number; logSize: number; keyName: string } | { ok: false; reason: string };

/** A raw base64 Ed25519 public key (as /api/audit/keys and every checkpoint show it) as a verifier. */
export function publicKeyFromBase64(name: string, base64: string): AuditPublicKey {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes of base64');
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
  return describePublicKey(name, key);
}

/**
 * Does the log in the database extend the checkpoint a party kept? The signature must verify with
 * a trusted key; then the RFC 6962 consistency proof from the checkpoint's tree to today's must
 * hold, which it cannot if any of the checkpointed entries was edited, removed or recomputed.
 */
export async function verifyAgainstCheckpoint(
  db: Database,
  input: { text: string; keys: readonly AuditPublicKey[] },
): Promise<CheckpointReport> {
  const parsed = parseCheckpoint(input.text);
  if (!parsed.ok) return { ok: false, reason: `not a checkpoint: ${parsed.reason}` };
  const { checkpoint } = parsed;
  if (checkpoint.origin !== CHECKPOINT_ORIGIN)
    return { ok: false, reason: `the checkpoint is for "${checkpoint.origin}", not this audit log` };
  const key = findSigningKey(checkpoint, input.keys);
  if (key === undefined)
    return { ok: false, reason: 'the checkpoint signature does not verify with any trusted key' };
  const tree = await loadAuditTree(db);
  if (tree.size < checkpoint.treeSize) {
    return {
      ok: false,
      reason: `the log has ${tree.size} entries but the checkpoint commits to ${checkpoint.treeSize}: entries were removed`,
    };
  }
  const isConsistent = verifyConsistency(
    {
      oldSize: checkpoint.treeSize,
      newSize: tree.size,
      oldRoot: checkpoint.rootHash,
      newRoot: tree.root(),
      proof: tree.consistencyProof(checkpoint.treeSize, tree.size),
    },
    nodeSha256,
  );
  if (!isConsistent) {
    return {
      ok: false,
      // Either side may be the false one: entries rewritten since the signature, or a signature
      // over a wrong root (the database's stored tree edge forged before signing). A checkpoint
      // kept from earlier that still verifies clears the entries.
      reason: `the first ${checkpoint.treeSize} entries are not those the checkpoint commits to: the log was rewritten since it was signed, or it was signed over a wrong root (check a checkpoint you kept from before: if it still verifies, the entries are intact)`,
    };
  }
  return { ok: true, checkpointSize: checkpoint.treeSize, logSize: tree.size, keyName: key.name };
}
