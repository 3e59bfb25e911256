import type { AuditCheckpoint, AuditConsistencyProof, AuditInclusionProof, AuditKeys } from '@parley/core';
import type { AuditKeyring } from '../audit/signing-keys';

// Proofs are hashes and sizes only; named field by field like every presenter.

export const presentAuditCheckpoint = (checkpoint: AuditCheckpoint): AuditCheckpoint => ({
  treeSize: checkpoint.treeSize,
  rootHash: checkpoint.rootHash,
  checkpoint: checkpoint.checkpoint,
  key: { name: checkpoint.key.name, keyId: checkpoint.key.keyId, publicKey: checkpoint.key.publicKey },
});

export const presentInclusionProof = (proof: AuditInclusionProof): AuditInclusionProof => ({
  entryId: proof.entryId,
  leafHash: proof.leafHash,
  leafIndex: proof.leafIndex,
  treeSize: proof.treeSize,
  proof: [...proof.proof],
  checkpoint: presentAuditCheckpoint(proof.checkpoint),
});

export const presentConsistencyProof = (proof: AuditConsistencyProof): AuditConsistencyProof => ({
  from: proof.from,
  to: proof.to,
  proof: [...proof.proof],
  checkpoint: presentAuditCheckpoint(proof.checkpoint),
});

/** The public half of every key the log was ever signed with, so old checkpoints stay verifiable. */
export const presentKeys = (keyring: AuditKeyring): AuditKeys => ({
  items: keyring.known.map(({ name, keyId, publicKey }) => ({ name, keyId, publicKey })),
});
