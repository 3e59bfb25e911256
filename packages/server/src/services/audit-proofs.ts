import {
  bytesToHex,
  can,
  DomainError,
  type AuditCheckpoint,
  type AuditConsistencyProof,
  type AuditInclusionProof,
  type Negotiation,
  type Viewer,
} from '@parley/core';
import { loadAuditRootShared, type AuditRoot } from '../audit/audit-root';
import { auditLeafHash } from '../audit/read-log';
import { loadAuditTreeShared } from '../audit/kept-audit-tree';
import { signCheckpoint } from '../audit/checkpoint';
import type { AuditKeyring } from '../audit/signing-keys';
import { findVisibleAuditEntry } from './audit-log';
import type { AppDeps } from './deps';
import { assertAllowed } from './viewer';

// Checkpoints cover the whole log (every negotiation, sign-ins): their size says how many entries
// the instance logged, never what they are. Who may read a negotiation's log may hold them.

function checkpointOf(keyring: AuditKeyring, { treeSize, rootHash }: AuditRoot): AuditCheckpoint {
  const { name, keyId, publicKey } = keyring.signer;
  return {
    treeSize,
    rootHash: bytesToHex(rootHash),
    checkpoint: signCheckpoint(keyring, { treeSize, rootHash }),
    key: { name, keyId, publicKey },
  };
}

function assertMayRead(viewer: Viewer, negotiation: Negotiation): void {
  assertAllowed(
    can(viewer, 'audit.read', { kind: 'negotiation', negotiationId: negotiation.id }),
    'read the audit log',
  );
}

function assertTreeSize(requested: number, size: number, field: string): void {
  if (requested > size)
    throw new DomainError('invalid-input', `The log has ${size} entries; ${field} cannot exceed it.`, {
      field,
    });
}

/** A signed checkpoint of the log as it is now. */
export async function getAuditCheckpoint(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<AuditCheckpoint> {
  assertMayRead(viewer, negotiation);
  return checkpointOf(deps.auditKeys, await loadAuditRootShared(deps.db));
}

/** The audit path of an entry this viewer may see; a hidden entry is "not found", like an unknown id. */
export async function getInclusionProof(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; entryId: string; treeSize?: number },
): Promise<AuditInclusionProof> {
  assertMayRead(viewer, input.negotiation);
  const entry = await findVisibleAuditEntry(deps, viewer, {
    negotiationId: input.negotiation.id,
    id: input.entryId,
  });
  if (entry === undefined) throw new DomainError('not-found', 'No such audit entry.', { field: 'entryId' });
  const tree = await loadAuditTreeShared(deps.db);
  const treeSize = input.treeSize ?? tree.size;
  assertTreeSize(treeSize, tree.size, 'treeSize');
  const leafIndex = entry.seq - 1;
  if (leafIndex >= treeSize)
    throw new DomainError('invalid-input', 'The entry is newer than that checkpoint.', { field: 'treeSize' });
  return {
    entryId: entry.hash,
    leafHash: bytesToHex(auditLeafHash(entry.hash)),
    leafIndex,
    treeSize,
    proof: tree.inclusionProof(leafIndex, treeSize).map(bytesToHex),
    checkpoint: checkpointOf(deps.auditKeys, { treeSize, rootHash: tree.root(treeSize) }),
  };
}

/** Proof that the log of `from` entries (a checkpoint the viewer holds) is a prefix of today's. */
export async function getConsistencyProof(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; from: number; to?: number },
): Promise<AuditConsistencyProof> {
  assertMayRead(viewer, input.negotiation);
  const tree = await loadAuditTreeShared(deps.db);
  const to = input.to ?? tree.size;
  assertTreeSize(to, tree.size, 'to');
  assertTreeSize(input.from, to, 'from');
  return {
    from: input.from,
    to,
    proof: tree.consistencyProof(input.from, to).map(bytesToHex),
    checkpoint: checkpointOf(deps.auditKeys, { treeSize: to, rootHash: tree.root(to) }),
  };
}

/**
 * The lines every export ends with: a signed checkpoint of the log as the copy was made, so each
 * recipient holds one (`parley audit verify --checkpoint FILE` proves the log still extends it).
 */
export async function auditCheckpointFooter(deps: AppDeps): Promise<readonly string[]> {
  const note = signCheckpoint(deps.auditKeys, await loadAuditRootShared(deps.db));
  return [
    'Audit log checkpoint (keep it: `parley audit verify --checkpoint FILE` proves the log still extends it):',
    ...note.trimEnd().split('\n'),
  ];
}
