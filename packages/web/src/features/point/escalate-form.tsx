import type { PointId } from '@parley/core';
import { useState } from 'react';
import { escalatePoint } from '../../api/endpoints';
import { useFieldForm } from '../../components/field-form';
import { useNegotiation } from '../negotiation/negotiation-context';

/** Mediator only: set the point aside for named principals (leaders). */
export function EscalateForm({ pointId }: { pointId: PointId }) {
  const { negotiation, refresh } = useNegotiation();
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
    refresh();
  }, 'Point escalated.');

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
