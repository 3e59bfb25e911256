import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { getNegotiation, getPlan, listParties } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { PageLoader } from '../../app/page-loader';
import { mayIn, ownSeatsIn, useSession } from '../../app/session';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { SearchForm } from '../search/search-form';
import { NegotiationContext } from './negotiation-context';
import { sectionTitle } from './section-title';
import { useLiveEvents } from './use-live-events';

const TABS = [
  { to: '', label: 'Overview', end: true },
  { to: 'plan', label: 'Plan' },
  { to: 'compare', label: 'Compare versions' },
  { to: 'timeline', label: 'Rounds & statements' },
  { to: 'deadlines', label: 'Deadlines' },
  { to: 'records', label: 'Records' },
  { to: 'delegations', label: 'Delegations' },
  { to: 'exports', label: 'Export' },
];

export function NegotiationLayout() {
  const negotiationId = useParams().negotiationId ?? '';
  const { me } = useSession();
  const tabs = [
    ...TABS,
    ...(mayIn(me, 'issue.read', negotiationId) ? [{ to: 'issues', label: 'Issues' }] : []),
    ...(mayIn(me, 'profile.read-own', negotiationId)
      ? [{ to: 'preferences', label: 'Our preferences' }]
      : []),
    ...(mayIn(me, 'live-analysis.run', negotiationId)
      ? [{ to: 'packages', label: 'Suggested packages' }]
      : []),
    ...(mayIn(me, 'bidding.list', negotiationId) ? [{ to: 'bids', label: 'Blind bids' }] : []),
    ...(mayIn(me, 'audit.read', negotiationId) ? [{ to: 'audit', label: 'Audit log' }] : []),
    ...(mayIn(me, 'export.trace', negotiationId) ? [{ to: 'leaks', label: 'Trace a leak' }] : []),
  ];
  // A negotiation that answers 404 (none such, or the viewer's seat ended) sends no events: a
  // stream asked for again and again would only be refused again.
  const [isGone, setGone] = useState(false);
  const live = useLiveEvents(negotiationId, !isGone);
  const section = sectionTitle(useLocation().pathname);
  const connected = live.connected;
  // Own writes bump the counter too, so every page re-reads even before the live event arrives.
  const [localTick, setLocalTick] = useState(0);
  const tick = live.tick + localTick;
  const data = useResource(async () => {
    const [negotiation, parties, plan] = await Promise.all([
      getNegotiation(negotiationId),
      listParties(negotiationId),
      getPlan(negotiationId),
    ]);
    return { negotiation, parties: parties.items, plan };
  }, [negotiationId, tick]);
  const isNotFound = data.state === 'error' && data.error instanceof ApiError && data.error.status === 404;
  useEffect(() => setGone(isNotFound), [isNotFound]);
  usePageTitle(section, data.data?.negotiation.title);

  return (
    <Show resource={data} what="the negotiation">
      {({ negotiation, parties, plan }) => {
        const latest = [...plan.versions].sort((a, b) => b.revision - a.revision)[0];
        return (
          <NegotiationContext.Provider
            value={{
              negotiation,
              parties,
              plan,
              latestVersionId: latest?.id,
              tick,
              refresh: () => setLocalTick((n) => n + 1),
            }}
          >
            <div className="negotiation-head">
              <p className="eyebrow">Negotiation</p>
              <h1 dir="auto">{negotiation.title}</h1>
              <p className="seat-badge">
                You sit for{' '}
                {ownSeatsIn(me, negotiation.id)
                  .map(
                    (seat) =>
                      `${parties.find((party) => party.id === seat.partyId)?.name ?? 'your party'} (${seat.function})`,
                  )
                  .join(', ')}
              </p>
              <span className={`live ${connected ? 'on' : 'off'}`} role="status">
                {connected ? 'Live updates on' : 'Live updates connecting…'}
              </span>
              <SearchForm negotiationId={negotiation.id} />
            </div>
            <nav className="tabs" aria-label="Negotiation sections">
              {tabs.map((tab) => (
                <NavLink key={tab.label} to={tab.to} end={tab.end}>
                  {tab.label}
                </NavLink>
              ))}
            </nav>
            <PageLoader>
              <Outlet />
            </PageLoader>
          </NegotiationContext.Provider>
        );
      }}
    </Show>
  );
}
