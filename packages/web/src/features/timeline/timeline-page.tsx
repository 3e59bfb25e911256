import type { Round } from '@parley/core';
import { getTimeline, listRounds, listStatements } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { Chip, labelOf } from '../../components/chips';
import { usePageTitle } from '../../components/page-title';
import { quoted } from '../../components/quoted';
import { Show } from '../../components/status';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { RoundForm } from './round-form';
import { StatementForm } from './statement-form';
import { useScrollToHash } from '../../components/use-scroll-to-hash';
import { formatCalendarDate, formatDateRange } from '../deadlines/zoned-time';
import { RoundChangesLink } from './round-changes-link';

export function TimelinePage() {
  const { me } = useSession();
  const { negotiation, parties, tick } = useNegotiation();
  usePageTitle('Rounds & statements', negotiation.title);
  const data = useResource(async () => {
    const [timeline, rounds, statements] = await Promise.all([
      getTimeline(negotiation.id),
      listRounds(negotiation.id),
      listStatements(negotiation.id),
    ]);
    return {
      timeline: timeline.items,
      // Looked up by a timeline entry's id, which may name any kind of entry.
      rounds: new Map<string, (typeof rounds.items)[number]>(rounds.items.map((r) => [r.id, r])),
      statements: new Map<string, (typeof statements.items)[number]>(statements.items.map((s) => [s.id, s])),
    };
  }, [negotiation.id, tick]);
  useScrollToHash(data.state === 'ready');
  return (
    <>
      <h2 className="visually-hidden">Rounds &amp; statements</h2>
      {mayIn(me, 'plan.manage', negotiation.id) && (
        <div className="story-forms">
          <RoundForm />
          <StatementForm />
        </div>
      )}
      <Show resource={data} what="the timeline">
        {({ timeline, rounds, statements }) => (
          <ol className="timeline" aria-label="Rounds, versions, statements and decisions, oldest first">
            {timeline.map((item, i) => {
              const round = item.kind === 'round' ? rounds.get(item.refId) : undefined;
              const statement = item.kind === 'statement' ? statements.get(item.refId) : undefined;
              return (
                <li
                  key={`${item.refId}-${i}`}
                  id={`${item.kind}-${item.refId}`}
                  className={`timeline-item kind-${item.kind}`}
                >
                  <time dateTime={item.date}>{formatCalendarDate(item.date)}</time>
                  <div>
                    {statement ? (
                      // The entry's title repeats the quote: say it once, with who said it.
                      <>
                        <p>
                          <Chip value={item.kind} />{' '}
                          <strong>
                            {statement.person}, {partyName(parties, statement.partyId)}
                          </strong>
                        </p>
                        <blockquote dir="auto">
                          {quoted(statement.quote)} <span className="muted">({statement.source})</span>
                        </blockquote>
                      </>
                    ) : (
                      <p>
                        <Chip value={item.kind} /> <strong dir="auto">{item.title}</strong>
                        {item.outcome && (
                          <>
                            {' '}
                            <Chip value={item.outcome} />
                          </>
                        )}
                      </p>
                    )}
                    {round && <RoundDetails round={round} />}
                  </div>
                </li>
              );
            })}
            {timeline.length === 0 && <li className="muted">Nothing has happened yet.</li>}
          </ol>
        )}
      </Show>
    </>
  );
}

function RoundDetails({ round }: { round: Round }) {
  const { parties, plan } = useNegotiation();
  const label = (id: string | null) =>
    id === null ? undefined : (plan.versions.find((v) => v.id === id)?.label ?? 'another version');
  const from = label(round.fromVersionId);
  const produced = label(round.producedVersionId);
  return (
    <>
      <p className="muted">
        {formatDateRange(round.startsOn, round.endsOn)}
        {round.place.trim() && ` · ${round.place}`} · {labelOf(round.format)} · present:{' '}
        {round.partiesPresent.length === 0
          ? 'not recorded'
          : round.partiesPresent.map((p) => partyName(parties, p)).join(', ')}
      </p>
      {(from ?? produced) && (
        <p className="muted">
          {from && `Started from ${from}`}
          {from && produced && ' · '}
          {produced && `produced ${produced}`}
        </p>
      )}
      <RoundChangesLink round={round} />
      {round.publicReadout && (
        <p>
          <strong>Readout:</strong> <bdi>{round.publicReadout}</bdi>
        </p>
      )}
      {round.minutes && (
        <details>
          <summary>Minutes (restricted)</summary>
          <p className="record-body" dir="auto">
            {round.minutes}
          </p>
        </details>
      )}
    </>
  );
}
