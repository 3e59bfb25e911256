import { useState } from 'react';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { escalatePoint } from '../../api/endpoints';
import { useNegotiation } from '../negotiation/negotiation-context';

/** Mediator only: set the point aside for named principals. */
export function EscalateForm({ pointId }: { pointId: string }) {
  const { negotiation, refresh } = useNegotiation();
  const [principals, setPrincipals] = useState('');
  const [question, setQuestion] = useState('');
  const [dueDate, setDueDate] = useState('');
  const { busy, message, submit } = useFormSubmission();

  const onSubmit = submit(async () => {
    const names = principals
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    await escalatePoint(negotiation.id, {
      pointId,
      principals: names,
      question,
      dueDate: dueDate === '' ? null : dueDate,
    });
    refresh();
  }, 'Point escalated.');

  return (
    <details>
      <summary>Escalate to principals</summary>
      <form onSubmit={onSubmit} className="form" aria-label="Escalate the point">
        <label>
          Principals (comma-separated)
          <input required value={principals} onChange={(e) => setPrincipals(e.target.value)} />
        </label>
        <label>
          Question
          <textarea required value={question} onChange={(e) => setQuestion(e.target.value)} rows={2} />
        </label>
        <label>
          Due date
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
        <FormMessage message={message} />
        <button type="submit" disabled={busy}>
          Escalate
        </button>
      </form>
    </details>
  );
}
