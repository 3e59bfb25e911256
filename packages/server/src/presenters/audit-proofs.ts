import type { AuditCheckpoint, AuditConsistencyProof, AuditInclusionProof } from '@parley/core';

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
