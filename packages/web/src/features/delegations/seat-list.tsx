import type { Member, Party } from '@parley/core';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import { endSeat } from '../../api/setup-endpoints';
import { mayForParty, useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { formatIn, nowInputIn, zonedInputToIso } from '../deadlines/zoned-time';
import { FUNCTION_LABELS } from './format';
import { ScrollRegion } from '../../components/scroll-region';

const isCurrent = (seat: Member, now: number) =>
  Date.parse(seat.validFrom) <= now && (seat.validTo === null || Date.parse(seat.validTo) > now);

// The seat of whoever opened the negotiation carries their name as its title: say the name once.
const hasOwnTitle = (seat: Member) =>
  seat.title.trim() !== '' && seat.title.trim().toLowerCase() !== seat.displayName.trim().toLowerCase();

/** A delegation's seats, current first, with their validity in the negotiation's time zone. */
export function SeatList({ party, seats }: { party: Party; seats: readonly Member[] }) {
  const { me } = useSession();
  const { negotiation } = useNegotiation();
  const now = Date.now();
  const mayManage = mayForParty(me, 'member.manage', party);
  // What an end refused by a 409 found (issue #11 item 8), by seat: said in the row even when the
  // refresh takes the row's form away (the seat has ended).
  const [meanwhile, setMeanwhile] = useState<Readonly<Record<string, string | undefined>>>({});
  const ordered = [...seats].sort(
    (a, b) => Number(isCurrent(b, now)) - Number(isCurrent(a, now)) || a.validFrom.localeCompare(b.validFrom),
  );
  if (ordered.length === 0) return <p className="muted">No one is seated yet.</p>;
  return (
    <ScrollRegion label={`Seats in the ${party.name} delegation, scrollable`}>
      <table className="seats">
        <caption className="visually-hidden">Seats in the {party.name} delegation</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Function</th>
            <th scope="col">Valid</th>
            {mayManage && <th scope="col">End</th>}
          </tr>
        </thead>
        <tbody>
          {ordered.map((seat) => (
            <tr key={seat.id} className={isCurrent(seat, now) ? undefined : 'past'}>
              <th scope="row">
                {seat.displayName}
                {hasOwnTitle(seat) && <span className="muted small"> — {seat.title}</span>}
              </th>
              <td>{FUNCTION_LABELS[seat.function]}</td>
              <td>
                from {formatIn(seat.validFrom, negotiation.timeZone)}
                {seat.validTo !== null && <> until {formatIn(seat.validTo, negotiation.timeZone)}</>}
              </td>
              {mayManage && (
                <td>
                  {meanwhile[seat.id] !== undefined && (
                    <p role="alert" className="error">
                      {meanwhile[seat.id]}
                    </p>
                  )}
                  {seat.function !== 'lead' && (seat.validTo === null || Date.parse(seat.validTo) > now) && (
                    <EndSeatForm
                      seat={seat}
                      onOvertaken={(detail) => setMeanwhile((was) => ({ ...was, [seat.id]: detail }))}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * Sends the seat's end it was based on: the one shown when the user began editing (a live update
 * in between must not move it silently), else the one shown now.
 */
function EndSeatForm({
  seat,
  onOvertaken,
}: {
  seat: Member;
  /** What was set meanwhile, or undefined once an end is saved (it no longer applies). */
  onOvertaken: (detail: string | undefined) => void;
}) {
  const { negotiation, refresh } = useNegotiation();
  const zone = negotiation.timeZone;
  const [at, setAt] = useState(() => nowInputIn(zone));
  const [base, setBase] = useState<{ validTo: string | null } | undefined>(undefined);
  const { busy, message, submit } = useFormSubmission();
  const onSubmit = submit(async () => {
    const baseValidTo = (base ?? seat).validTo;
    setBase(undefined);
    try {
      await endSeat(negotiation.id, seat.id, { validTo: zonedInputToIso(at, zone) ?? at, baseValidTo });
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.fieldMessage('baseValidTo') !== undefined)) throw failure;
      // Said in the row, above the form (which goes with the refresh if the seat has ended), never "reload".
      onOvertaken(failure.problem?.detail ?? failure.message);
      refresh();
      throw new Error('Your end was not saved: see what was set meanwhile, above.');
    }
    onOvertaken(undefined);
    refresh();
  }, 'Seat ended.');
  return (
    <form onSubmit={onSubmit} className="inline-form" aria-label={`End the seat of ${seat.displayName}`}>
      <label>
        End at ({zone})
        <input
          type="datetime-local"
          required
          value={at}
          onChange={(e) => {
            setBase((was) => was ?? { validTo: seat.validTo });
            setAt(e.target.value);
          }}
        />
      </label>
      <button type="submit" disabled={busy}>
        End seat
      </button>
      <FormMessage message={message} />
    </form>
  );
}
