import { ROUND_FORMATS, type PlanVersionId, type RoundFormat } from '@parley/core';
import { useState } from 'react';
import { z } from 'zod';
import { chosenId } from '../../api/read-id';
import { createRound } from '../../api/story-endpoints';
import { useSession } from '../../app/session';
import { labelOf } from '../../components/chips';
import { useFieldForm } from '../../components/field-form';
import { useKeptDraft } from '../../components/kept-draft';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { todayIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';

/** Mediator staff: a round, with minutes only the mediator parties and the parties present may read, and a public readout. */
export function RoundForm() {
  const { negotiation, parties, plan, latestVersionId, refresh } = useNegotiation();
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  // On the negotiation's calendar, as the statement form's date.
  const [startsOn, setStartsOn] = useState(() => todayIn(negotiation.timeZone));
  const [endsOn, setEndsOn] = useState(() => todayIn(negotiation.timeZone));
  const [format, setFormat] = useState<RoundFormat>('plenary');
  const [present, setPresent] = useState<string[]>([]);
  const partyRole = (id: string) => parties.find((party) => party.id === id)?.role;
  const [fromVersionId, setFromVersionId] = useState<PlanVersionId | ''>(latestVersionId ?? '');
  const [producedVersionId, setProducedVersionId] = useState<PlanVersionId | ''>('');
  const versionIds = plan.versions.map((version) => version.id);
  const { me } = useSession();
  // Minutes are pages typed by hand: a reload or another section must not lose them.
  const kept = useKeptDraft({
    key: `parley.round.${me.user.id}.${negotiation.id}`,
    schema: KeptRoundTextSchema,
    empty: { minutes: '', readout: '' },
    isEmpty: (work) => work.minutes === '' && work.readout === '',
  });
  const { minutes, readout } = kept.value;
  const setMinutes = (next: string | ((current: string) => string)) =>
    kept.setValue((work) => ({ ...work, minutes: typeof next === 'string' ? next : next(work.minutes) }));
  const setReadout = (next: string | ((current: string) => string)) =>
    kept.setValue((work) => ({ ...work, readout: typeof next === 'string' ? next : next(work.readout) }));
  const form = useFieldForm('Record a round');
  const versions = [...plan.versions].sort((a, b) => b.revision - a.revision);

  const onSubmit = form.submit(async () => {
    const sent = { name, place, format, present, fromVersionId, producedVersionId, minutes, readout };
    await createRound(negotiation.id, {
      name,
      place,
      startsOn,
      endsOn,
      format,
      partiesPresent: present,
      fromVersionId: fromVersionId === '' ? null : fromVersionId,
      producedVersionId: producedVersionId === '' ? null : producedVersionId,
      minutes: minutes.trim() === '' ? null : minutes,
      publicReadout: readout.trim() === '' ? null : readout,
    });
    // The next round starts blank. Attendance above all: kept ticked, it silently gave the next
    // round's restricted minutes to the parties of this one. A field changed while this one was
    // saving keeps what was typed.
    const unlessChanged =
      <T,>(was: T, blank: T) =>
      (current: T): T =>
        current === was ? blank : current;
    setName(unlessChanged(sent.name, ''));
    setPlace(unlessChanged(sent.place, ''));
    setFormat(unlessChanged<RoundFormat>(sent.format, 'plenary'));
    setPresent(unlessChanged<string[]>(sent.present, []));
    setFromVersionId(unlessChanged<PlanVersionId | ''>(sent.fromVersionId, latestVersionId ?? ''));
    setProducedVersionId(unlessChanged<PlanVersionId | ''>(sent.producedVersionId, ''));
    setMinutes(unlessChanged(sent.minutes, ''));
    setReadout(unlessChanged(sent.readout, ''));
    refresh();
  }, 'Round recorded.');

  const toggle = (partyId: string, on: boolean) =>
    setPresent((current) => (on ? [...current, partyId] : current.filter((id) => id !== partyId)));

  return (
    <details className="card" open={kept.isRestored || undefined}>
      <summary>Record a round</summary>
      <KeptDraftNotice isRestored={kept.isRestored} hasWork={kept.hasWork} onDiscard={kept.discard} />
      <form ref={form.formRef} onSubmit={onSubmit} className="form" aria-label="Record a round">
        <label>
          Name
          <input required value={name} onChange={(e) => setName(e.target.value)} {...form.describe('name')} />
        </label>
        {form.fieldError('name')}
        <label>
          Place
          <input value={place} onChange={(e) => setPlace(e.target.value)} {...form.describe('place')} />
        </label>
        {form.fieldError('place')}
        <div className="form-row">
          <label>
            First day
            <input
              type="date"
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
              {...form.describe('startsOn')}
            />
          </label>
          {form.fieldError('startsOn')}
          <label>
            Last day
            <input
              type="date"
              required
              value={endsOn}
              onChange={(e) => setEndsOn(e.target.value)}
              {...form.describe('endsOn')}
            />
          </label>
          {form.fieldError('endsOn')}
        </div>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as RoundFormat)}>
            {ROUND_FORMATS.map((value) => (
              <option key={value} value={value}>
                {labelOf(value)}
              </option>
            ))}
          </select>
        </label>
        <fieldset {...form.describe('partiesPresent')}>
          <legend>Parties present (they, and every mediator party, may read the minutes)</legend>
          {parties.map((party) => (
            <label key={party.id} className="inline">
              <input
                type="checkbox"
                checked={present.includes(party.id)}
                onChange={(e) => toggle(party.id, e.target.checked)}
              />
              {party.name}
            </label>
          ))}
          {form.fieldError('partiesPresent')}
        </fieldset>
        <label>
          Version it started from
          <select
            value={fromVersionId}
            onChange={(e) => setFromVersionId(chosenId(versionIds, e.target.value))}
          >
            <option value="">None</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {version.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Version it produced
          <select
            value={producedVersionId}
            onChange={(e) => setProducedVersionId(chosenId(versionIds, e.target.value))}
          >
            <option value="">None (yet)</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {version.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Minutes (restricted: every mediator party and the parties present)
          <textarea
            dir="auto"
            rows={4}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            {...form.describe('minutes')}
          />
        </label>
        {form.fieldError('minutes')}
        {minutes.trim() !== '' && !present.some((id) => partyRole(id) !== 'mediator') && (
          // Recorded so, the minutes reach the mediator's side alone: say it before, not after.
          <p className="muted small" role="note">
            No party but the mediator's is ticked as present: only the mediator's side will read these
            minutes.
          </p>
        )}
        <label>
          Public readout (every participant)
          <textarea
            dir="auto"
            rows={3}
            value={readout}
            onChange={(e) => setReadout(e.target.value)}
            {...form.describe('publicReadout')}
          />
        </label>
        {form.fieldError('publicReadout')}
        {form.outcomeLine()}
        <button type="submit" disabled={form.busy}>
          Record the round
        </button>
      </form>
    </details>
  );
}

const KeptRoundTextSchema = z.object({ minutes: z.string(), readout: z.string() });
