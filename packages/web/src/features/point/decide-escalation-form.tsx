import { ESCALATION_OUTCOMES, type Escalation } from '@parley/core';
import { useState } from 'react';
import { decideEscalation, type DecideEscalationBody } from '../../api/story-endpoints';
import { labelOf } from '../../components/chips';
import { useFieldForm } from '../../components/field-form';
import { useNegotiation } from '../negotiation/negotiation-context';

/** Mediator staff: record what the principals decided on an escalation (once). */
export function DecideEscalationForm({ escalation }: { escalation: Escalation }) {
  const { negotiation, refresh } = useNegotiation();
  const [outcome, setOutcome] = useState<DecideEscalationBody['outcome']>('agreed');
  const [note, setNote] = useState('');
  const label = `Record the decision of ${escalation.principals.join(', ')}`;
  const form = useFieldForm(label);
  const onSubmit = form.submit(async () => {
    await decideEscalation(negotiation.id, escalation.id, { outcome, note });
    refresh();
  }, 'Decision recorded.');
  return (
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
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            {...form.describe('note')}
          />
        </label>
        {form.fieldError('note')}
        {form.outcomeLine()}
        <button type="submit" disabled={form.busy}>
          Record the decision
        </button>
      </form>
    </details>
  );
}
