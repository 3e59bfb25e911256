import type { Amendment } from '@parley/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-error';
import { decideAmendment } from '../../api/endpoints';
import { useNegotiation } from '../negotiation/negotiation-context';

/** The proposing party withdraws an open amendment; the mediator rejects one with a reason. */
export function AmendmentFateForm({
  amendment,
  fate,
  onDecided,
}: {
  amendment: Amendment;
  fate: 'rejected' | 'withdrawn';
  /** The amendment with its fate as the server stored it, for the page to show at once. */
  onDecided: (amendment: Amendment) => void;
}) {
  const { negotiation, refresh } = useNegotiation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const action = fate === 'rejected' ? 'Reject' : 'Withdraw';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const decided = await decideAmendment(negotiation.id, amendment.id, {
        fate,
        reason,
        baseRevision: amendment.revision,
      });
      onDecided(decided);
      refresh();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="form inline-form" aria-label={`${action} this amendment`}>
      {fate === 'rejected' && (
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="secondary" disabled={busy}>
        {action} amendment
      </button>
    </form>
  );
}
