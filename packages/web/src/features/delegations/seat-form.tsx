import type { MemberFunction, Party } from '@parley/core';
import { useId, useState } from 'react';
import { seatMember } from '../../api/setup-endpoints';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { YourTimeHint } from '../deadlines/your-time-hint';
import { nowInputIn, zonedInputToIso } from '../deadlines/zoned-time';
import { FUNCTION_LABELS } from './format';

/**
 * Seats someone who already has an account, at once, with a function and a validity (the lead of
 * the party; the mediator's staff only for a party's first lead). Only a colleague: the server
 * answers a stranger's email as one with no account (services/members.ts says why). Times are typed
 * in the negotiation's time zone, as the seat list shows them and deadlines are set.
 */
export function SeatForm({ party, onlyLead }: { party: Party; onlyLead: boolean }) {
  const { negotiation, refresh } = useNegotiation();
  const [email, setEmail] = useState('');
  const [fn, setFn] = useState<MemberFunction>(onlyLead ? 'lead' : 'delegate');
  const [title, setTitle] = useState('');
  const zone = negotiation.timeZone;
  const [from, setFrom] = useState(() => nowInputIn(zone));
  const [until, setUntil] = useState('');
  const { busy, message, submit, fieldError } = useFormSubmission();
  const ids = useId();
  const onSubmit = submit(async () => {
    await seatMember(negotiation.id, party.id, {
      email,
      function: fn,
      title,
      validFrom: zonedInputToIso(from, zone) ?? from,
      validTo: until === '' ? null : (zonedInputToIso(until, zone) ?? until),
    });
    setEmail('');
    setTitle('');
    setUntil('');
    refresh();
  }, 'Seated.');
  const emailError = fieldError('email');
  const untilError = fieldError('validTo');
  const fromError = fieldError('validFrom');
  return (
    <form onSubmit={onSubmit} className="form" aria-label={`Seat someone in ${party.name}`}>
      <p className="muted">
        For someone you have sat with in a negotiation before; invite anyone else, who then accepts.
      </p>
      <label>
        Email of their account
        <input
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={emailError !== undefined}
          aria-describedby={emailError === undefined ? undefined : `${ids}-email`}
        />
        <FieldError id={`${ids}-email`} text={emailError} />
      </label>
      <label>
        Function
        <select value={fn} onChange={(e) => setFn(e.target.value as MemberFunction)} disabled={onlyLead}>
          {(onlyLead ? (['lead'] as const) : (['delegate', 'analyst', 'principal'] as const)).map((value) => (
            <option key={value} value={value}>
              {FUNCTION_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Title shown to others (optional)
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Legal adviser" />
      </label>
      <label>
        Valid from ({zone})
        <input
          type="datetime-local"
          required
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          aria-invalid={fromError !== undefined}
          aria-describedby={fromError === undefined ? undefined : `${ids}-from`}
        />
        <FieldError id={`${ids}-from`} text={fromError} />
      </label>
      <YourTimeHint typed={from} zone={zone} />
      <label>
        Valid until ({zone}; empty for open-ended)
        <input
          type="datetime-local"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
          aria-invalid={untilError !== undefined}
          aria-describedby={untilError === undefined ? undefined : `${ids}-until`}
        />
        <FieldError id={`${ids}-until`} text={untilError} />
      </label>
      <YourTimeHint typed={until} zone={zone} />
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        {onlyLead ? 'Seat the lead' : 'Seat'}
      </button>
    </form>
  );
}
