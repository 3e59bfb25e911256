import type { PointId } from '@parley/core';
import { useState } from 'react';
import { escalatePoint } from '../../api/endpoints';
import { useFieldForm } from '../../components/field-form';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * Mediator only: set the point aside for named principals (leaders). While the leaders hold it
 * (`withLeaders`), a second escalation would be refused: the form says so instead, except just
 * after this form sent it, when it keeps its "Point escalated" line.
 */
export function EscalateForm({ pointId, withLeaders }: { pointId: PointId; withLeaders: boolean }) {
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
    await escalatePoint(negotiation.id, {
      pointId,
      principals: names,
      question,
      dueDate: dueDate === '' ? null : dueDate,
    });
    setPrincipals('');
    setQuestion('');
    setDueDate('');
    setJustSent(true);
    refresh();
  }, 'Point escalated.');

  if (withLeaders && !justSent)
    return (
      <p className="muted small">
        This point is with the leaders: record their decision before sending it to them again.
      </p>
    );

  return (
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
        {form.outcomeLine()}
        <button type="submit" disabled={form.busy}>
          Escalate
        </button>
      </form>
    </details>
  );
}
