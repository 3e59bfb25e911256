import type { ClosureRule } from '@parley/core';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { createNegotiation } from '../../api/setup-endpoints';
import { useSession } from '../../app/session';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { usePageTitle } from '../../components/page-title';
import { INITIAL_ZONE, ClosureAndZoneFields } from './negotiation-fields';

/** Opens a negotiation; its creator leads the mediator party and sets the rest up next. */
export function NewNegotiationPage() {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [mandate, setMandate] = useState('');
  const [closureRule, setClosureRule] = useState<ClosureRule>('all-or-nothing');
  const [timeZone, setTimeZone] = useState(INITIAL_ZONE);
  const [mediatorPartyName, setMediatorPartyName] = useState('');
  const { busy, message, submit, fieldError } = useFormSubmission();
  const ids = useId();
  usePageTitle('New negotiation');

  const onSubmit = submit(async () => {
    const created = await createNegotiation({ title, mandate, closureRule, timeZone, mediatorPartyName });
    refresh();
    await navigate(`/n/${created.id}/delegations`);
  }, 'Negotiation opened.');

  // `required` lets a blank " " through; the server trims it and says which field is empty.
  const titleError = fieldError('title');
  const partyError = fieldError('mediatorPartyName');
  return (
    <>
      <h1>Open a new negotiation</h1>
      <form onSubmit={onSubmit} className="card form" aria-label="New negotiation">
        <label>
          Title
          <input
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={titleError !== undefined}
            aria-describedby={titleError === undefined ? undefined : `${ids}-title`}
          />
          <FieldError id={`${ids}-title`} text={titleError} />
        </label>
        <label>
          Description (mandate)
          <textarea dir="auto" rows={4} value={mandate} onChange={(e) => setMandate(e.target.value)} />
        </label>
        <ClosureAndZoneFields
          closureRule={closureRule}
          timeZone={timeZone}
          onClosureRule={setClosureRule}
          onTimeZone={setTimeZone}
        />
        <label>
          Your party, the mediator (you lead its delegation)
          <input
            required
            value={mediatorPartyName}
            onChange={(e) => setMediatorPartyName(e.target.value)}
            aria-invalid={partyError !== undefined}
            aria-describedby={partyError === undefined ? undefined : `${ids}-party`}
          />
          <FieldError id={`${ids}-party`} text={partyError} />
        </label>
        <FormMessage message={message} />
        <button type="submit" disabled={busy}>
          Open the negotiation
        </button>
      </form>
    </>
  );
}
