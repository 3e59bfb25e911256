import { Link, useLocation } from 'react-router';
import { getInstance, listNegotiations } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { may, useSession } from '../../app/session';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';

export function NegotiationsPage() {
  const { me } = useSession();
  // What sent the viewer here, e.g. a hand-over of their lead that ended their seat.
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  usePageTitle('Your negotiations');
  const data = useResource(async () => {
    const [negotiations, instance] = await Promise.all([listNegotiations(), getInstance()]);
    return { items: negotiations.items, instance };
  }, []);
  return (
    <>
      <h1>Your negotiations</h1>
      {typeof notice === 'string' && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      <Show resource={data} what="negotiations">
        {({ items, instance }) => {
          const mayOpen = may(me, 'negotiation.create', {
            kind: 'instance',
            negotiationCreation: instance.settings.negotiationCreation,
          });
          return (
            <>
              {items.length === 0 && (
                <div className="card">
                  <p>You have no seat in any negotiation yet.</p>
                  <p className="muted">
                    To join one, ask its mediator (or your delegation's lead) to invite{' '}
                    <strong>{me.user.email}</strong>; the invitation link brings you to your seat.
                  </p>
                </div>
              )}
              {mayOpen && (
                <p>
                  <Link to="/new" className="button-link">
                    Open a new negotiation
                  </Link>
                </p>
              )}
              {items.length > 0 && (
                <ul className="cards">
                  {items.map((negotiation) => (
                    <li key={negotiation.id} className="card">
                      <h2>
                        <Link to={`/n/${negotiation.id}`} dir="auto">
                          {negotiation.title}
                        </Link>
                      </h2>
                      <p className="muted">
                        Closure rule:{' '}
                        {negotiation.closureRule === 'all-or-nothing'
                          ? 'nothing is agreed until everything is agreed'
                          : 'point by point'}
                      </p>
                      {negotiation.mandate && <p className="clamp">{negotiation.mandate}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Show>
    </>
  );
}
