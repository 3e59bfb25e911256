import type { Party } from '@parley/core';
import { getParty, updateParty } from '../../api/setup-endpoints';
import { FormMessage } from '../../components/form-submission';
import { useRevisionedEdit } from '../../components/revisioned-edit';
import { ConflictChoice } from '../../components/conflict-choice';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * The mediator's staff rename a party or change whether its agreement is required (statuses follow
 * at once). The role is fixed. A change saved meanwhile by someone else is shown, not overwritten.
 */
export function EditPartyForm({ party }: { party: Party }) {
  const { refresh } = useNegotiation();
  const edit = useRevisionedEdit({
    initial: { name: party.name, required: party.required },
    revision: party.revision,
    fieldsOf: (stored: Party) => ({ name: stored.name, required: stored.required }),
    save: ({ name, required }, baseRevision) =>
      updateParty(party.negotiationId, party.id, {
        name,
        ...(party.role === 'party' ? { required } : {}),
        baseRevision,
      }),
    reload: () => getParty(party.negotiationId, party.id),
    onChanged: refresh,
    savedText: 'Party saved.',
  });
  const { fields, theirs, busy } = edit;
  const { name, required } = fields;
  const setName = (value: string) => edit.setFields({ ...fields, name: value });
  const setRequired = (value: boolean) => edit.setFields({ ...fields, required: value });
  return (
    <form onSubmit={edit.onSubmit} className="form" aria-label={`Edit ${party.name}`}>
      <label>
        Name
        <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {party.role === 'party' && (
        <label className="check">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          Required for agreement (even when absent from a round)
        </label>
      )}
      <FormMessage message={edit.message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={(event) => void edit.saveOverTheirs(theirs)(event)}
          onKeepTheirs={() => edit.keepTheirs(theirs)}
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
