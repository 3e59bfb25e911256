import { Link } from 'react-router';
import { listNegotiations } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { Show } from '../../components/status';

export function NegotiationsPage() {
  const negotiations = useResource(listNegotiations, []);
  return (
    <>
      <h1>Your negotiations</h1>
      <Show resource={negotiations} what="negotiations">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">You have no seat in any negotiation yet.</p>
          ) : (
            <ul className="cards">
              {items.map((negotiation) => (
                <li key={negotiation.id} className="card">
                  <h2>
                    <Link to={`/n/${negotiation.id}`}>{negotiation.title}</Link>
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
          )
        }
      </Show>
    </>
  );
}
