import { Link } from 'react-router';
import { getDeadlineOutlook, getStatus, listMembers, listRounds, listStatements } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { Chip, labelOf } from '../../components/chips';
import { quoted } from '../../components/quoted';
import { Show } from '../../components/status';
import { usePointNames } from '../../components/use-point-names';
import { mayIn, useSession } from '../../app/session';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { AwaitedParties } from './awaited-parties';
import { NegotiationSettingsForm } from './negotiation-settings-form';
import { Countdown } from './countdown';
import { formatCalendarDate, formatDateRange } from '../deadlines/zoned-time';
import { RoundChangesLink } from '../timeline/round-changes-link';

export function OverviewPage() {
  const { me } = useSession();
  const { negotiation, parties, latestVersionId, tick } = useNegotiation();
  const id = negotiation.id;
  const nameOf = usePointNames(id, latestVersionId);
  const data = useResource(async () => {
    const [members, rounds, statements, status, outlook] = await Promise.all([
      listMembers(id),
      listRounds(id),
      listStatements(id),
      latestVersionId ? getStatus(id, latestVersionId) : Promise.resolve(undefined),
      latestVersionId ? getDeadlineOutlook(id, latestVersionId) : Promise.resolve(undefined),
    ]);
    return { members: members.items, rounds: rounds.items, statements: statements.items, status, outlook };
  }, [id, latestVersionId, tick]);

  return (
    <Show resource={data} what="the overview">
      {({ members, rounds, statements, status, outlook }) => {
        const now = new Date().toISOString();
        const leadOf = (partyId: string) =>
          members.find(
            (m) =>
              m.partyId === partyId &&
              m.function === 'lead' &&
              m.validFrom <= now &&
              (m.validTo === null || m.validTo > now),
          );
        const latestRound = [...rounds].sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
        const recentStatements = [...statements].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 4);
        const nextDeadline = outlook?.items.find((item) => !item.isPast) ?? outlook?.items.at(-1);
        const rowOf = (pointId: string) => status?.points.find((point) => point.pointId === pointId);
        return (
          <div className="grid">
            <section className="card" aria-labelledby="state-heading">
              <h2 id="state-heading">Overall state</h2>
              {status ? (
                <>
                  <p className="big">
                    <Chip value={status.state} />
                  </p>
                  <p className="muted">
                    Closure rule:{' '}
                    {negotiation.closureRule === 'all-or-nothing'
                      ? 'nothing is agreed until everything is agreed'
                      : 'each point is settled on its own'}
                    . Computed from the positions you may see.
                  </p>
                  <ul className="counts">
                    {Object.entries(status.counts)
                      .filter(([, n]) => n > 0)
                      .map(([key, n]) => (
                        <li key={key}>
                          <Chip value={key} /> {n}
                        </li>
                      ))}
                  </ul>
                  <h3>Blocking points ({status.blocking.length})</h3>
                  <ul className="compact scroll">
                    {status.blocking.map((b) => (
                      <li key={b.pointId}>
                        <Link to={`points/${encodeURIComponent(b.pointId)}`}>{nameOf(b)}</Link>{' '}
                        <Chip value={b.status} />
                        {b.objectingPartyIds.length > 0 && (
                          <span className="muted">
                            {' '}
                            objecting: {b.objectingPartyIds.map((p) => partyName(parties, p)).join(', ')}
                          </span>
                        )}
                        <AwaitedParties
                          parties={parties}
                          missingPartyIds={b.missingPartyIds}
                          reservingPartyIds={rowOf(b.pointId)?.reservingPartyIds ?? []}
                          reviewingPartyIds={rowOf(b.pointId)?.reviewingPartyIds ?? []}
                        />
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="muted">No plan version yet.</p>
              )}
            </section>
            <section className="card" aria-labelledby="deadline-heading">
              <h2 id="deadline-heading">{nextDeadline?.isPast ? 'Last deadline' : 'Next deadline'}</h2>
              {nextDeadline ? (
                <>
                  <p>
                    <strong>{nextDeadline.title}</strong>
                  </p>
                  <Countdown dueAt={nextDeadline.dueAt} timeZone={negotiation.timeZone} />
                  {nextDeadline.isPast ? (
                    <p className="muted">
                      This deadline has passed; see the blocking points for what is still open.
                    </p>
                  ) : (
                    <h3>
                      {nextDeadline.openPoints.length} point{nextDeadline.openPoints.length === 1 ? '' : 's'}{' '}
                      not yet agreed
                    </h3>
                  )}
                  <ul className="compact">
                    {nextDeadline.openPoints.map((point) => (
                      <li key={point.pointId}>
                        <Link to={`points/${encodeURIComponent(point.pointId)}`}>{nameOf(point)}</Link>{' '}
                        <Chip value={point.status} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="muted">No deadline set.</p>
              )}
              {(outlook?.items.length ?? 0) > 1 && (
                <>
                  <h3>All deadlines</h3>
                  <ul className="compact">
                    {outlook?.items.map((d) => (
                      <li key={d.deadlineId}>
                        <strong>{d.title}</strong>
                        <Countdown dueAt={d.dueAt} timeZone={negotiation.timeZone} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
            <section className="card" aria-labelledby="parties-heading">
              <h2 id="parties-heading">Parties</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">Role</th>
                    <th scope="col">Leads the delegation</th>
                  </tr>
                </thead>
                <tbody>
                  {parties.map((party) => (
                    <tr key={party.id}>
                      <td>
                        {party.name}
                        {party.required && <span className="muted"> (required)</span>}
                      </td>
                      <td>{labelOf(party.role)}</td>
                      <td>{leadOf(party.id)?.displayName ?? <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card" aria-labelledby="round-heading">
              <h2 id="round-heading">Latest round</h2>
              {latestRound ? (
                <>
                  <p>
                    <strong>{latestRound.name}</strong> —{' '}
                    {latestRound.place.trim() && `${latestRound.place}, `}
                    {formatDateRange(latestRound.startsOn, latestRound.endsOn)} ({labelOf(latestRound.format)}
                    )
                  </p>
                  <p className="muted">
                    Present: {latestRound.partiesPresent.map((p) => partyName(parties, p)).join(', ')}
                  </p>
                  {latestRound.publicReadout && <p>{latestRound.publicReadout}</p>}
                  <RoundChangesLink round={latestRound} />
                </>
              ) : (
                <p className="muted">No rounds yet.</p>
              )}
              <h3>Recent statements</h3>
              {recentStatements.length === 0 && <p className="muted">No statements yet.</p>}
              <ul className="statements">
                {recentStatements.map((s) => (
                  <li key={s.id}>
                    <blockquote>{quoted(s.quote)}</blockquote>
                    <p className="muted">
                      {s.person}, {partyName(parties, s.partyId)} — {formatCalendarDate(s.date)}, {s.source}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
            {mayIn(me, 'negotiation.update', id) && (
              <section className="card" aria-labelledby="settings-heading">
                <h2 id="settings-heading">Settings</h2>
                <p className="muted">
                  {negotiation.closureRule === 'all-or-nothing'
                    ? 'Nothing is agreed until everything is agreed'
                    : 'Agreed point by point'}
                  ; times in {negotiation.timeZone}.
                </p>
                <details>
                  <summary>Edit the title, mandate, closure rule or time zone</summary>
                  <NegotiationSettingsForm key={negotiation.revision} />
                </details>
              </section>
            )}
          </div>
        );
      }}
    </Show>
  );
}
