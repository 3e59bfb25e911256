import { useState } from 'react';
import { createDeadline } from '../../api/story-endpoints';
import { useFieldForm } from '../../components/field-form';
import { useNegotiation } from '../negotiation/negotiation-context';
import { YourTimeHint } from './your-time-hint';
import { zonedInputToIso } from './zoned-time';

/** Mediator staff: a deadline with its consequence, typed in the negotiation's time zone. */
export function DeadlineForm() {
  const { negotiation, refresh } = useNegotiation();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [consequence, setConsequence] = useState('');
  const form = useFieldForm('Set a deadline');
  const dueAt = zonedInputToIso(due, negotiation.timeZone);

  const onSubmit = form.submit(async () => {
    await createDeadline(negotiation.id, { title, dueAt: dueAt ?? due, consequence });
    setTitle('');
    setDue('');
    setConsequence('');
    refresh();
  }, 'Deadline set.');

  return (
    <details className="card">
      <summary>Set a deadline</summary>
      <form ref={form.formRef} onSubmit={onSubmit} className="form" aria-label="Set a deadline">
        <label>
          Title
          <input
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            {...form.describe('title')}
          />
        </label>
        {form.fieldError('title')}
        <label>
          Due ({negotiation.timeZone})
          <input
            type="datetime-local"
            required
            value={due}
            onChange={(e) => setDue(e.target.value)}
            {...form.describe('dueAt')}
          />
        </label>
        <YourTimeHint typed={due} zone={negotiation.timeZone} />
        {form.fieldError('dueAt')}
        <label>
          Consequence if it passes
          <textarea
            dir="auto"
            rows={2}
            value={consequence}
            onChange={(e) => setConsequence(e.target.value)}
            {...form.describe('consequence')}
          />
        </label>
        {form.fieldError('consequence')}
        {form.outcomeLine()}
        <button type="submit" disabled={form.busy}>
          Set the deadline
        </button>
      </form>
    </details>
  );
}
