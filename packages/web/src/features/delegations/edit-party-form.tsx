import type { Party } from '@parley/core';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import { getParty, updateParty } from '../../api/setup-endpoints';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { ConflictChoice } from '../../components/conflict-choice';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * The mediator's staff rename a party or change whether its agreement is required (statuses follow
 * at once). The role is fixed. A change saved meanwhile by someone else is shown, not overwritten.
 */
export function EditPartyForm({ party }: { party: Party }) {
  const { refresh } = useNegotiation();
  const [name, setName] = useState(party.name);
  const [required, setRequired] = useState(party.required);
  const [base, setBase] = useState(party.revision);
  const [theirs, setTheirs] = useState<Party | undefined>(undefined);
  const { busy, message, submit } = useFormSubmission();
  const save = (baseRevision: number) =>
    submit(async () => {
      try {
        const saved = await updateParty(party.negotiationId, party.id, {
          name,
          ...(party.role === 'party' ? { required } : {}),
          baseRevision,
        });
        setBase(saved.revision);
        setTheirs(undefined);
        refresh();
      } catch (failure) {
        if (failure instanceof ApiError && failure.isConflict)
          setTheirs(await getParty(party.negotiationId, party.id).catch(() => undefined));
        throw failure;
      }
    }, 'Party saved.');
  return (
    <form onSubmit={save(base)} className="form" aria-label={`Edit ${party.name}`}>
      <label>
        Name
        <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {party.role === 'party' && (
        <label className="inline">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          Required for agreement (even when absent from a round)
        </label>
      )}
      <FormMessage message={message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={(event) => void save(theirs.revision)(event)}
          onKeepTheirs={() => {
            setName(theirs.name);
            setRequired(theirs.required);
            setBase(theirs.revision);
            setTheirs(undefined);
            refresh();
          }}
        >
          Someone saved meanwhile: <strong>{theirs.name}</strong>,{' '}
          {theirs.required ? 'required for agreement' : 'not required'}.
        </ConflictChoice>
      )}
      <button type="submit" disabled={busy}>
        Save party
      </button>
    </form>
  );
}
