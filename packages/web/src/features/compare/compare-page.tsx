import { PlanVersionIdSchema } from '@parley/core';
import { useSearchParams } from 'react-router';
import { compareVersions } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { readId } from '../../api/read-id';
import { Chip } from '../../components/chips';
import { Show } from '../../components/status';
import { usePointNames } from '../../components/use-point-names';
import { versionOptionLabel, VersionSelect } from '../../components/version-select';
import { useNegotiation } from '../negotiation/negotiation-context';
import { LineageDiagram } from './lineage-diagram';
import { Redline } from './redline';

export function ComparePage() {
  const { negotiation, plan, tick } = useNegotiation();
  const [params, setParams] = useSearchParams();
  const byRevision = [...plan.versions].sort((a, b) => b.revision - a.revision);
  const latest = byRevision[0];
  const to = readId(PlanVersionIdSchema, params.get('to')) ?? latest?.id;
  const from =
    readId(PlanVersionIdSchema, params.get('from')) ??
    plan.versions.find((v) => v.id === to)?.parentId ??
    byRevision[1]?.id ??
    to;
  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('from', from ?? '');
        next.set('to', to ?? '');
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const nameFrom = usePointNames(negotiation.id, from);
  const nameTo = usePointNames(negotiation.id, to);
  const redline = useResource(
    async () => (from && to ? compareVersions(negotiation.id, from, to) : undefined),
    [negotiation.id, from, to, tick],
  );

  if (from === undefined || to === undefined)
    return <p className="muted">The plan has no version to compare yet.</p>;
  return (
    <>
      <div className="toolbar" role="group" aria-label="Versions to compare">
        <VersionSelect label="From" plan={plan} value={from} onChange={(id) => set('from', id)} />
        <VersionSelect label="To" plan={plan} value={to} onChange={(id) => set('to', id)} />
      </div>
      <Show resource={redline} what="the comparison">
        {(result) =>
          result === undefined ? null : (
            <>
              <p className="summary" aria-label="Summary of changes">
                {versionOptionLabel(result.from)} → {versionOptionLabel(result.to)}:{' '}
                {Object.entries(result.counts)
                  .filter(([, n]) => n > 0)
                  .map(([kind, n]) => (
                    <span key={kind} className="count">
                      <Chip value={kind} /> {n}
                    </span>
                  ))}
              </p>
              <section aria-labelledby="lineage-heading">
                <h2 id="lineage-heading">Lineage</h2>
                <LineageDiagram redline={result} nameFrom={nameFrom} nameTo={nameTo} />
              </section>
              <section aria-labelledby="redline-heading">
                <h2 id="redline-heading">Redline</h2>
                <Redline redline={result} />
              </section>
            </>
          )
        }
      </Show>
    </>
  );
}
