import type { Member, Party } from '@parley/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { changeLead, proposeLead } from '../../api/setup-endpoints';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { YourTimeHint } from '../deadlines/your-time-hint';
import { formatIn, nowInputIn, zonedInputToIso } from '../deadlines/zoned-time';

/**
 * Hands the party's lead to a member of its delegation from a date: at once when the current
 * lead does it; as a proposal the party's lead must accept when the mediator does (#13).
 */
export function HandOverForm({
  party,
  candidates,
  asProposal,
  leadSince,
}: {
  party: Party;
  candidates: readonly Member[];
  asProposal: boolean;
  /** When the current lead took office: a hand-over dated earlier is refused, so not confirmed first. */
  leadSince?: string;
}) {
  const { negotiation, refresh } = useNegotiation();
  const [userId, setUserId] = useState(candidates[0]?.userId ?? '');
  const [title, setTitle] = useState('Head of delegation');
  const zone = negotiation.timeZone;
  const [shown, setShown] = useState(() => nowInputIn(zone));
  const [from, setFrom] = useState(shown);
  const { busy, message, submit } = useFormSubmission();
  const navigate = useNavigate();
  const label = asProposal ? `Propose a new lead for ${party.name}` : `Hand over the lead of ${party.name}`;

  // Handing over ends the lead's own seat: asked once more, as withdrawing an invitation is.
  const [isConfirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) confirmButton.current?.focus();
  }, [isConfirming]);

  const send = submit(
    async () => {
      const body = { userId, title, validFrom: handOverInstant({ typed: from, shown, zone }, new Date()) };
      if (asProposal) await proposeLead(negotiation.id, party.id, body);
      else await changeLead(negotiation.id, party.id, body);
      // A lead who hands over at once has no seat here any more: this page would only say "not
      // found". Their list of negotiations says what happened instead.
      if (!asProposal && Date.parse(body.validFrom) <= Date.now()) {
        const successor =
          candidates.find((member) => member.userId === userId)?.displayName ?? 'your successor';
        navigate('/', {
          state: {
            notice: `You handed the lead of ${party.name} to ${successor}; your seat in “${negotiation.title}” has ended.`,
          },
        });
        return;
      }
      // Sent: the form starts again for the next hand-over (a field changed meanwhile keeps what
      // was typed), its time "now" again rather than the moment this one was written.
      const unlessChanged = (was: string, blank: string) => (current: string) =>
        current === was ? blank : current;
      const now = nowInputIn(zone);
      setShown(now);
      setFrom(unlessChanged(from, now));
      setTitle(unlessChanged(title, 'Head of delegation'));
      refresh();
    },
    asProposal
      ? 'Proposal sent: it applies once the party’s lead accepts it.'
      : handedOverText(handOverInstant({ typed: from, shown, zone }, new Date()), zone, new Date()),
  );

  const instant = handOverInstant({ typed: from, shown, zone }, new Date());
  // Asked "your seat ends at once" and only then refused, the lead was told something untrue.
  const isBeforeLead = leadSince !== undefined && Date.parse(instant) <= Date.parse(leadSince);
  const [tooEarly, setTooEarly] = useState(false);
  const onSubmit = (event: FormEvent) => {
    if (asProposal || isConfirming) {
      setConfirming(false);
      return send(event);
    }
    event.preventDefault();
    setTooEarly(isBeforeLead);
    setConfirming(!isBeforeLead);
  };
  const endsAt = Date.parse(instant) <= Date.now() ? 'at once' : `on ${formatIn(instant, zone)}`;
  const successor = candidates.find((member) => member.userId === userId)?.displayName ?? 'them';

  if (candidates.length === 0)
    return (
      <p className="muted">
        {asProposal
          ? `A new lead is proposed from ${party.name}'s delegation, which has no one else yet: its lead invites them first.`
          : 'To hand over the lead, first invite the successor into the delegation.'}
      </p>
    );
  return (
    <form onSubmit={onSubmit} className="form" aria-label={label}>
      <label>
        New lead
        <select value={userId} onChange={(e) => setUserId(e.target.value)}>
          {candidates.map((member) => (
            <option key={member.id} value={member.userId}>
              {member.displayName}
            </option>
          ))}
        </select>
      </label>
      <label>
        Their title
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        From ({zone})
        <input type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      {tooEarly && isBeforeLead && leadSince !== undefined && (
        <p className="error" role="alert">
          The hand-over must be dated after the current lead took office ({formatIn(leadSince, zone)}).
        </p>
      )}
      <YourTimeHint typed={from} zone={zone} />
      <FormMessage message={message} />
      {isConfirming ? (
        <div className="inline-actions" role="group" aria-label="Confirm the hand-over">
          <span>
            Hand the lead to {successor}? Your seat as lead of {party.name} ends {endsAt}: from then you no
            longer have access to “{negotiation.title}”.
          </span>
          <button ref={confirmButton} type="submit" disabled={busy}>
            Yes, hand over
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
            Keep the lead
          </button>
        </div>
      ) : (
        <button type="submit" disabled={busy || userId === ''}>
          {asProposal ? 'Propose' : 'Hand over'}
        </button>
      )}
    </form>
  );
}

/**
 * The instant a hand-over takes effect. The field shows the current minute, whose start may be
 * earlier than the successor's seat (seated seconds ago) and would be refused; left as shown, it
 * means "now", the moment of sending. A time the user typed is taken as typed, in the negotiation's
 * zone (a value the browser let through unparsed goes as it is, for the server to refuse).
 */
export function handOverInstant(field: { typed: string; shown: string; zone: string }, now: Date): string {
  const { typed, shown, zone } = field;
  return typed === shown ? now.toISOString() : (zonedInputToIso(typed, zone) ?? typed);
}

/**
 * What a hand-over the lead dated ahead says once saved: the former lead keeps the seat until
 * then (it said "loses access from that moment", which read as at once).
 */
export function handedOverText(instant: string, zone: string, now: Date): string {
  return Date.parse(instant) <= now.getTime()
    ? 'Lead handed over. The former lead loses access from that moment.'
    : `Lead handed over from ${formatIn(instant, zone)}. Until then the present lead keeps the seat and its access.`;
}
