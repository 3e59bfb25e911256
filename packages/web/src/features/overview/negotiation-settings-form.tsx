import type { ClosureRule, Negotiation } from '@parley/core';
import { getNegotiation } from '../../api/endpoints';
import { updateNegotiation } from '../../api/setup-endpoints';
import { FormMessage } from '../../components/form-submission';
import { useRevisionedEdit } from '../../components/revisioned-edit';
import { ConflictChoice } from '../../components/conflict-choice';
import { useNegotiation } from '../negotiation/negotiation-context';
import { ClosureAndZoneFields, CLOSURE_RULES } from '../negotiations/negotiation-fields';

type Settings = Pick<Negotiation, 'title' | 'mandate' | 'closureRule' | 'timeZone'>;
const pick = ({ title, mandate, closureRule, timeZone }: Settings): Settings => ({
  title,
  mandate,
  closureRule,
  timeZone,
});

/**
 * The mediator's staff change the title, mandate, closure rule or time zone. The form sends the
 * revision it showed: if someone saved meanwhile, it shows their settings, to keep or to overwrite.
 */
export function NegotiationSettingsForm() {
  const { negotiation, refresh } = useNegotiation();
  const edit = useRevisionedEdit({
    initial: pick(negotiation),
    revision: negotiation.revision,
    fieldsOf: pick,
    save: (settings, baseRevision) => updateNegotiation(negotiation.id, { ...settings, baseRevision }),
    reload: () => getNegotiation(negotiation.id),
    onChanged: refresh,
    savedText: 'Settings saved.',
  });
  const { fields: settings, theirs, busy } = edit;
  const set = (changes: Partial<Settings>) => edit.setFields({ ...settings, ...changes });
  return (
    <form onSubmit={edit.onSubmit} className="form" aria-label="Negotiation settings">
      <label>
        Title
        <input
          required
          maxLength={200}
          value={settings.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <label>
        Description (mandate)
        <textarea
          dir="auto"
          rows={4}
          value={settings.mandate}
          onChange={(e) => set({ mandate: e.target.value })}
        />
      </label>
      <ClosureAndZoneFields
        closureRule={settings.closureRule}
        timeZone={settings.timeZone}
        onClosureRule={(closureRule: ClosureRule) => set({ closureRule })}
        onTimeZone={(timeZone) => set({ timeZone })}
      />
      <FormMessage message={edit.message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={(event) => void edit.saveOverTheirs(theirs)(event)}
          onKeepTheirs={() => edit.keepTheirs(theirs)}
        >
          Someone saved meanwhile: <strong>{theirs.title}</strong>,{' '}
          {CLOSURE_RULES[theirs.closureRule].toLowerCase()}, time zone {theirs.timeZone}.
        </ConflictChoice>
      )}
      <button type="submit" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}
