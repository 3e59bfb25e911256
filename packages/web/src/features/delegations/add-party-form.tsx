import type { PartyRole } from '@parley/core';
import { useId, useState } from 'react';
import { createParty } from '../../api/setup-endpoints';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';

/** The mediator adds a party, an observer or another mediator; a required party is needed for agreement. */
export function AddPartyForm() {
  const { negotiation, refresh } = useNegotiation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PartyRole>('party');
  const [required, setRequired] = useState(true);
  const { busy, message, submit, fieldError } = useFormSubmission();
  const nameErrorId = `${useId()}-name`;
  const nameError = fieldError('name');
  const onSubmit = submit(async () => {
    await createParty(negotiation.id, { name, role, required: role === 'party' && required });
    // the next party starts as the usual kind: an observer's role kept would add the next party wrongly
    setName('');
    setRole('party');
    setRequired(true);
    refresh();
  }, 'Party added: invite its lead next.');
  return (
    <form onSubmit={onSubmit} className="card form" aria-label="Add a party">
      <h2>Add a party</h2>
      <label>
        Name
        <input
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameError !== undefined}
          aria-describedby={nameError === undefined ? undefined : nameErrorId}
        />
        <FieldError id={nameErrorId} text={nameError} />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as PartyRole)}>
          <option value="party">Negotiating party</option>
          <option value="observer">Observer</option>
          <option value="mediator">Mediator</option>
        </select>
      </label>
      {role === 'party' && (
        <label className="check">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          Required for agreement (even when absent from a round)
        </label>
      )}
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        Add party
      </button>
    </form>
  );
}
