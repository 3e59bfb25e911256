import { getTimeline, listRounds, listStatements } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { Chip, labelOf } from '../../components/chips';
import { Show } from '../../components/status';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';

export function TimelinePage() {
  const { negotiation, parties, tick } = useNegotiation();
  const data = useResource(async () => {
    const [timeline, rounds, statements] = await Promise.all([
      getTimeline(negotiation.id),
      listRounds(negotiation.id),
      listStatements(negotiation.id),
    ]);
    return {
      timeline: timeline.items,
      rounds: new Map(rounds.items.map((r) => [r.id, r])),
      statements: new Map(statements.items.map((s) => [s.id, s])),
    };
  }, [negotiation.id, tick]);
  return (
    <Show resource={data} what="the timeline">
      {({ timeline, rounds, statements }) => (
        <ol className="timeline" aria-label="Rounds, versions, statements and decisions, oldest first">
          {timeline.map((item, i) => {
            const round = rounds.get(item.refId);
            const statement = statements.get(item.refId);
            return (
              <li key={`${item.refId}-${i}`} className={`timeline-item kind-${item.kind}`}>
                <time dateTime={item.date}>{item.date.slice(0, 10)}</time>
                <div>
                  <p>
                    <Chip value={item.kind} /> <strong>{item.title}</strong>
                  </p>
                  {round && (
                    <p className="muted">
                      {round.place} · {labelOf(round.format)} · present:{' '}
                      {round.partiesPresent.map((p) => partyName(parties, p)).join(', ')}
                    </p>
                  )}
                  {round?.publicReadout && <p>{round.publicReadout}</p>}
                  {round?.minutes && (
                    <details>
                      <summary>Minutes (restricted)</summary>
                      <p>{round.minutes}</p>
                    </details>
                  )}
                  {statement && (
                    <blockquote>
                      “{statement.quote}”{' '}
                      <span className="muted">
                        — {statement.person}, {partyName(parties, statement.partyId)} ({statement.source})
                      </span>
                    </blockquote>
                  )}
                </div>
              </li>
            );
          })}
          {timeline.length === 0 && <li className="muted">Nothing has happened yet.</li>}
        </ol>
      )}
    </Show>
  );
}
