import type { Deadline, PlanStatus } from '@parley/core';
import { getStatus, listDeadlines } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { useNegotiation } from '../negotiation/negotiation-context';
import { DeadlineForm } from './deadline-form';
import { deadlineState } from './deadline-state';
import { formatIn, VIEWER_ZONE } from './zoned-time';
import { useScrollToHash } from '../../components/use-scroll-to-hash';

/** Deadlines with their consequence, in the negotiation's time zone and the viewer's, met or missed. */
export function DeadlinesPage() {
  const { me } = useSession();
  const { negotiation, latestVersionId, tick } = useNegotiation();
  usePageTitle('Deadlines', negotiation.title);
  const data = useResource(async () => {
    const [deadlines, status] = await Promise.all([
      listDeadlines(negotiation.id),
      latestVersionId === undefined ? undefined : getStatus(negotiation.id, latestVersionId),
    ]);
    return { deadlines: deadlines.items, status };
  }, [negotiation.id, latestVersionId, tick]);
  useScrollToHash(data.state === 'ready');
  return (
    <>
      <h2>Deadlines</h2>
      {mayIn(me, 'deadline.create', negotiation.id) && <DeadlineForm />}
      <Show resource={data} what="the deadlines">
        {({ deadlines, status }) => (
          <ul className="cards deadlines" aria-label="Deadlines, soonest first">
            {[...deadlines]
              .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
              .map((deadline) => (
                <DeadlineCard key={deadline.id} deadline={deadline} status={status} />
              ))}
            {deadlines.length === 0 && <li className="muted">No deadline is set.</li>}
          </ul>
        )}
      </Show>
    </>
  );
}

function DeadlineCard({ deadline, status }: { deadline: Deadline; status: PlanStatus | undefined }) {
  const { negotiation } = useNegotiation();
  const state = deadlineState(deadline, status?.points ?? [], new Date());
  const sameZone = negotiation.timeZone === VIEWER_ZONE;
  return (
    <li className="card" aria-labelledby={`deadline-${deadline.id}`}>
      <h3 id={`deadline-${deadline.id}`}>
        {deadline.title} <span className={`chip deadline-${state.kind}`}>{state.label}</span>
      </h3>
      <p>
        Due <time dateTime={deadline.dueAt}>{formatIn(deadline.dueAt, negotiation.timeZone)}</time>
        {!sameZone && (
          <>
            <br />
            <span className="muted">Your time: {formatIn(deadline.dueAt, VIEWER_ZONE)}</span>
          </>
        )}
      </p>
      {deadline.consequence && (
        <p>
          <strong>If it passes:</strong> {deadline.consequence}
        </p>
      )}
      <p className="muted small">{state.detail}</p>
    </li>
  );
}
