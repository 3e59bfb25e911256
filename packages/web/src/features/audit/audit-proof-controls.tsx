import type { AuditCheckpoint } from '@parley/core';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { getAuditCheckpoint, getAuditKeys, getInclusionProof } from '../../api/security-endpoints';
import { verifyEntryInLog, type EntryVerdict } from './verify-entry';

/** Hands the viewer the signed checkpoint as a file to keep (docs/security.md: keep checkpoints). */
export function CheckpointDownload({ negotiationId }: { negotiationId: string }) {
  const [state, setState] = useState<AuditCheckpoint | { error: string } | 'loading' | undefined>(undefined);
  async function download() {
    setState('loading');
    try {
      const checkpoint = await getAuditCheckpoint(negotiationId);
      const url = URL.createObjectURL(new Blob([checkpoint.checkpoint], { type: 'text/plain' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `parley-checkpoint-${checkpoint.treeSize}.txt`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState(checkpoint);
    } catch (failure) {
      setState({ error: errorMessage(failure) });
    }
  }
  return (
    <div className="checkpoint">
      <button type="button" className="secondary" disabled={state === 'loading'} onClick={download}>
        Download signed checkpoint
      </button>
      {typeof state === 'object' && 'error' in state && (
        <span className="error" role="alert">
          {' '}
          {state.error}
        </span>
      )}
      {typeof state === 'object' && 'treeSize' in state && (
        <span className="small muted" role="status">
          {' '}
          Checkpoint of {state.treeSize} entries, root {state.rootHash.slice(0, 12)}…, signed by{' '}
          {state.key.name}. Keep the file: it proves later that the log was not rewritten.
        </span>
      )}
    </div>
  );
}

type Check = EntryVerdict | { error: string } | 'checking' | undefined;

/** "Verify it is in the log": the proof is checked here, in the browser, against the signed root. */
export function VerifyEntryButton({ negotiationId, entryId }: { negotiationId: string; entryId: string }) {
  const [check, setCheck] = useState<Check>(undefined);
  async function verify() {
    setCheck('checking');
    try {
      const [proof, keys] = await Promise.all([getInclusionProof(negotiationId, entryId), getAuditKeys()]);
      setCheck(await verifyEntryInLog(entryId, proof, keys));
    } catch (failure) {
      setCheck({ error: errorMessage(failure) });
    }
  }
  return (
    <span className="verify-entry">
      <button type="button" className="link-button" disabled={check === 'checking'} onClick={verify}>
        Verify it is in the log<span className="visually-hidden"> (entry {entryId.slice(0, 12)})</span>
      </button>
      <span role="status" className="small">
        {check === 'checking' && ' Checking…'}
        {typeof check === 'object' && describeCheck(check)}
      </span>
    </span>
  );
}

function describeCheck(check: EntryVerdict | { error: string }) {
  if ('error' in check) return <span className="chain-broken"> ✗ Could not check: {check.error}</span>;
  if (!check.ok) return <span className="chain-broken"> ✗ Verification failed: {check.reason}</span>;
  return (
    <span className="chain-ok">
      {' '}
      ✓ Verified: in the signed log of {check.treeSize} entries
      {check.isSignatureChecked
        ? ` (signature by ${check.keyName} checked)`
        : ' (this browser cannot check Ed25519 signatures; the proof alone was checked)'}
    </span>
  );
}
