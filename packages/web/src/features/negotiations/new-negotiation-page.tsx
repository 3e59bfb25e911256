import type { ClosureRule } from '@parley/core';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { createNegotiation } from '../../api/setup-endpoints';
import { useSession } from '../../app/session';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { usePageTitle } from '../../components/page-title';
import { useKeptDraft } from '../../components/kept-draft';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { INITIAL_ZONE, ClosureAndZoneFields } from './negotiation-fields';

/** Opens a negotiation; its creator leads the mediator party and sets the rest up next. */
export function NewNegotiationPage() {
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  // The typed texts are kept in the tab: a reload lost a mandate written out at length.
  const kept = useKeptDraft({
    key: `parley.new-negotiation.${me.user.id}`,
    schema: KeptNegotiationSchema,
    empty: { title: '', mandate: '', mediatorPartyName: '' },
    isEmpty: (work) => work.title === '' && work.mandate === '' && work.mediatorPartyName === '',
  });
  const { title, mandate, mediatorPartyName } = kept.value;
  const edit = (field: keyof z.infer<typeof KeptNegotiationSchema>) => (value: string) =>
    kept.setValue((work) => ({ ...work, [field]: value }));
  const [closureRule, setClosureRule] = useState<ClosureRule>('all-or-nothing');
  const [timeZone, setTimeZone] = useState(INITIAL_ZONE);
  const { busy, message, submit, fieldError } = useFormSubmission();
  const ids = useId();
  usePageTitle('New negotiation');

  const onSubmit = submit(async () => {
    const created = await createNegotiation({ title, mandate, closureRule, timeZone, mediatorPartyName });
    kept.forget();
    refresh();
    await navigate(`/n/${created.id}/delegations`);
  }, 'Negotiation opened.');

  // `required` lets a blank " " through; the server trims it and says which field is empty.
  const titleError = fieldError('title');
  const partyError = fieldError('mediatorPartyName');
  return (
    <>
      <h1>Open a new negotiation</h1>
      <KeptDraftNotice isRestored={kept.isRestored} hasWork={kept.hasWork} onDiscard={kept.discard} />
      <form onSubmit={onSubmit} className="card form" aria-label="New negotiation">
        <label>
          Title
          <input
            required
            value={title}
            onChange={(e) => edit('title')(e.target.value)}
            aria-invalid={titleError !== undefined}
            aria-describedby={titleError === undefined ? undefined : `${ids}-title`}
          />
          <FieldError id={`${ids}-title`} text={titleError} />
        </label>
        <label>
          Description (mandate)
          <textarea dir="auto" rows={4} value={mandate} onChange={(e) => edit('mandate')(e.target.value)} />
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
            onChange={(e) => edit('mediatorPartyName')(e.target.value)}
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

const KeptNegotiationSchema = z.object({
  title: z.string(),
  mandate: z.string(),
  mediatorPartyName: z.string(),
});
