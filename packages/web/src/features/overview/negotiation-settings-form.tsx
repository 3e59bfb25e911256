import type { ClosureRule, Negotiation } from '@parley/core';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import { getNegotiation } from '../../api/endpoints';
import { updateNegotiation } from '../../api/setup-endpoints';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
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
  const [settings, setSettings] = useState<Settings>(pick(negotiation));
  const [base, setBase] = useState(negotiation.revision);
  const [theirs, setTheirs] = useState<Negotiation | undefined>(undefined);
  const { busy, message, submit } = useFormSubmission();
  const save = (baseRevision: number) =>
    submit(async () => {
      try {
        const saved = await updateNegotiation(negotiation.id, { ...settings, baseRevision });
        setBase(saved.revision);
        setTheirs(undefined);
        refresh();
      } catch (failure) {
        if (failure instanceof ApiError && failure.isConflict)
          setTheirs(await getNegotiation(negotiation.id).catch(() => undefined));
        throw failure;
      }
    }, 'Settings saved.');
  const set = (changes: Partial<Settings>) => setSettings({ ...settings, ...changes });
  return (
    <form onSubmit={save(base)} className="form" aria-label="Negotiation settings">
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
        <textarea rows={4} value={settings.mandate} onChange={(e) => set({ mandate: e.target.value })} />
      </label>
      <ClosureAndZoneFields
        closureRule={settings.closureRule}
        timeZone={settings.timeZone}
        onClosureRule={(closureRule: ClosureRule) => set({ closureRule })}
        onTimeZone={(timeZone) => set({ timeZone })}
      />
      <FormMessage message={message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={(event) => void save(theirs.revision)(event)}
          onKeepTheirs={() => {
            setSettings(pick(theirs));
            setBase(theirs.revision);
            setTheirs(undefined);
            refresh();
          }}
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
