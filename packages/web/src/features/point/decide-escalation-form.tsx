import { ESCALATION_OUTCOMES, type Escalation } from '@parley/core';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import { listEscalations } from '../../api/endpoints';
import { decideEscalation, type DecideEscalationBody } from '../../api/story-endpoints';
import { labelOf } from '../../components/chips';
import { useFieldForm } from '../../components/field-form';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * Mediator staff: record what the principals decided on an escalation (once). Once decided, the
 * form goes; its "Decision recorded" line stays, outside it, with the focus it took. A decision
 * someone recorded first (a 409) is said in that line instead, as re-read, and shown on the page.
 */
export function DecideEscalationForm({
  escalation,
  onDecided,
}: {
  escalation: Escalation;
  /** The escalation as the server stored it, decision included, for the page to show at once. */
  onDecided: (escalation: Escalation) => void;
}) {
  const { negotiation, refresh } = useNegotiation();
  // No outcome is preselected: a decision is recorded once, and a default would be recorded unread.
  const [outcome, setOutcome] = useState<DecideEscalationBody['outcome'] | ''>('');
  const [note, setNote] = useState('');
  const [isRecorded, setRecorded] = useState(false);
  const label = `Record the decision of ${escalation.principals.join(', ')}`;
  const form = useFieldForm(label);
  const onSubmit = form.submit(async () => {
    // An unchosen outcome goes as it is: the server says what is missing, beside the field.
    const decided = await decideEscalation(negotiation.id, escalation.id, {
      outcome: outcome as DecideEscalationBody['outcome'],
      note,
    }).catch(async (failure: unknown) => {
      const first = failure instanceof ApiError && failure.isConflict ? await recordedMeanwhile() : undefined;
      if (first === undefined || first.decision === null) throw failure;
      // The form goes as after a save of one's own; its line says whose decision stands.
      setRecorded(true);
      onDecided(first);
      refresh();
      const { decision } = first;
      throw new Error(
        `Someone recorded the leaders’ decision first, on ${formatIn(decision.decidedAt, negotiation.timeZone)}: ${labelOf(decision.outcome)}${decision.note === '' ? '' : ` — “${decision.note}”`}. There is nothing left to record.`,
      );
    });
    setRecorded(true);
    onDecided(decided);
    refresh();
  }, 'Decision recorded.');
  const recordedMeanwhile = async () =>
    (await listEscalations(negotiation.id).catch(() => undefined))?.items.find(
      (other) => other.id === escalation.id,
    );
  if (escalation.decision !== null && !isRecorded) return null;
  return (
    <>
      {!isRecorded && (
        <details>
          <summary>Record the leaders’ decision</summary>
          <form ref={form.formRef} onSubmit={onSubmit} className="form" aria-label={label}>
            <label>
              Outcome
              <select
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as DecideEscalationBody['outcome'])}
                {...form.describe('outcome')}
              >
                <option value="" disabled>
                  Choose the outcome…
                </option>
                {ESCALATION_OUTCOMES.map((value) => (
                  <option key={value} value={value}>
                    {labelOf(value)}
                  </option>
                ))}
              </select>
            </label>
            {form.fieldError('outcome')}
            <label>
              What they decided
              <textarea
                dir="auto"
                rows={2}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                {...form.describe('note')}
              />
            </label>
            {form.fieldError('note')}
            <button type="submit" disabled={form.busy}>
              Record the decision
            </button>
          </form>
        </details>
      )}
      {form.outcomeLine()}
    </>
  );
}
