import type { Escalation, PointId } from '@parley/core';
import { useState } from 'react';
import { escalatePoint } from '../../api/endpoints';
import { useFieldForm } from '../../components/field-form';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * Mediator only: set the point aside for named principals (leaders). While the leaders hold it
 * (`withLeaders`), a second escalation would be refused (409): the form gives way to a line that
 * says so, and just after this form sent it, to its "Point escalated" line, which keeps the focus.
 * The point page remounts the form once the leaders' decision is recorded, so it starts afresh.
 */
export function EscalateForm({
  pointId,
  withLeaders,
  onEscalated,
}: {
  pointId: PointId;
  withLeaders: boolean;
  /** The escalation as the server stored it, for the page to list at once. */
  onEscalated: (escalation: Escalation) => void;
}) {
  const { negotiation, refresh } = useNegotiation();
  const [justSent, setJustSent] = useState(false);
  const [principals, setPrincipals] = useState('');
  const [question, setQuestion] = useState('');
  const [dueDate, setDueDate] = useState('');
  const form = useFieldForm('Escalate the point');

  const onSubmit = form.submit(async () => {
    const names = principals
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const escalation = await escalatePoint(negotiation.id, {
      pointId,
      principals: names,
      question,
      dueDate: dueDate === '' ? null : dueDate,
    });
    setPrincipals('');
    setQuestion('');
    setDueDate('');
    setJustSent(true);
    onEscalated(escalation);
    refresh();
  }, 'Point escalated.');

  // Sent (or held by the leaders): the outcome line stays where it was, outside the form, so the
  // focus it took is not lost when the form goes.
  const isWithLeaders = withLeaders || justSent;
  return (
    <>
      {isWithLeaders ? (
        <p className="muted small">
          This point is with the leaders: record their decision before sending it to them again.
        </p>
      ) : (
        <details>
          <summary>Escalate to the leaders</summary>
          <form ref={form.formRef} onSubmit={onSubmit} className="form" aria-label="Escalate the point">
            <label>
              Principals (comma-separated)
              <input
                required
                value={principals}
                onChange={(e) => setPrincipals(e.target.value)}
                {...form.describe('principals')}
              />
            </label>
            {form.fieldError('principals')}
            <label>
              Question
              <textarea
                dir="auto"
                required
                value={question}
                onChange={(e) => setQuestion(e.target.value)}
                rows={2}
                {...form.describe('question')}
              />
            </label>
            {form.fieldError('question')}
            <label>
              Due date
              <input
                type="date"
                value={dueDate}
                onChange={(e) => setDueDate(e.target.value)}
                {...form.describe('dueDate')}
              />
            </label>
            {form.fieldError('dueDate')}
            <button type="submit" disabled={form.busy}>
              Escalate
            </button>
          </form>
        </details>
      )}
      {form.outcomeLine()}
    </>
  );
}
