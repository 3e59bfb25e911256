import { z } from 'zod';
import { AuditEntryIdSchema } from './audit';

const HexHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hash (64 hex digits)');

/** A key that signs (or signed) checkpoints: pin it the first time, compare it every time after. */
export const AuditSigningKeySchema = z.strictObject({
  name: z.string(),
  /** 4 bytes, hex: the key hash in every signature line. */
  keyId: z.string(),
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string(),
});
export type AuditSigningKey = z.infer<typeof AuditSigningKeySchema>;

/**
 * A signed statement "the audit log has `treeSize` entries and its Merkle root is `rootHash`".
 * Keep `checkpoint` (the signed text): `parley audit verify --checkpoint FILE` proves later that
 * the log still extends it.
 */
export const AuditCheckpointSchema = z.strictObject({
  treeSize: z.number().int().nonnegative(),
  rootHash: HexHashSchema,
  /** The checkpoint as signed text (C2SP signed-note form). */
  checkpoint: z.string(),
  key: AuditSigningKeySchema,
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>;

export const AuditKeysSchema = z.strictObject({ items: z.array(AuditSigningKeySchema) });
export type AuditKeys = z.infer<typeof AuditKeysSchema>;

/** `treeSize`: prove against this checkpoint's tree (default: the current one). */
export const AuditProofQuerySchema = z.object({
  treeSize: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** RFC 6962 audit path: with `leafHash` and the checkpoint's root it proves the entry is in the log. */
export const AuditInclusionProofSchema = z.strictObject({
  entryId: AuditEntryIdSchema,
  /** SHA-256(0x00 ‖ entry id bytes). */
  leafHash: HexHashSchema,
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  proof: z.array(HexHashSchema),
  checkpoint: AuditCheckpointSchema,
});
export type AuditInclusionProof = z.infer<typeof AuditInclusionProofSchema>;

export const AuditConsistencyQuerySchema = z.object({
  /** The size of the checkpoint the caller holds; 1 (the first entry) when omitted, so that a
   * malformed request never answers before the negotiation's access check (400 vs 404). */
  from: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(1),
  to: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** RFC 6962 consistency proof: the log of `from` entries is a prefix of the log of `to`. */
export const AuditConsistencyProofSchema = z.strictObject({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  proof: z.array(HexHashSchema),
  checkpoint: AuditCheckpointSchema,
});
export type AuditConsistencyProof = z.infer<typeof AuditConsistencyProofSchema>;
