import type { Amendment } from '@parley/core';
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { decideAmendment, getPlan, listAmendments } from '../../api/endpoints';
import { useNegotiation } from '../negotiation/negotiation-context';
import { fateText } from '../plan/amendment-fate-text';

/**
 * The proposing party withdraws an open amendment; the mediator rejects one with a reason. The
 * page shows it for a decided amendment too: one decided by someone else meanwhile (a 409) says so
 * here, with nothing left to decide, instead of vanishing from under the click.
 */
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
  const { negotiation, parties, refresh } = useNegotiation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [decidedMeanwhile, setDecidedMeanwhile] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const action = fate === 'rejected' ? 'Reject' : 'Withdraw';

  /** The amendment as stored now, and a sentence on what was decided, after a 409. */
  async function reread() {
    const [amendments, plan] = await Promise.all([listAmendments(negotiation.id), getPlan(negotiation.id)]);
    const current = amendments.items.find((other) => other.id === amendment.id);
    if (current === undefined || current.fate.state === 'open') return undefined;
    const text = `Someone decided this amendment first: it was ${fateText(current, { parties, versions: plan.versions })}. There is nothing left to decide.`;
    return { current, text };
  }

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
      const meanwhile =
        failure instanceof ApiError && failure.isConflict ? await reread().catch(() => undefined) : undefined;
      if (meanwhile === undefined) setError(errorMessage(failure));
      else {
        setDecidedMeanwhile(meanwhile.text);
        onDecided(meanwhile.current);
        refresh();
      }
    } finally {
      setBusy(false);
    }
  }

  if (amendment.fate.state !== 'open')
    return decidedMeanwhile === undefined ? null : (
      <p className="conflict" role="alert">
        {decidedMeanwhile}
      </p>
    );
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
