import { PlanVersionIdSchema } from '@parley/core';
import { useSearchParams } from 'react-router';
import { getStatus, getVersion, listAmendments, listPositions } from '../../api/endpoints';
import { labelOf } from '../../components/chips';
import { useResource } from '../../api/use-resource';
import { readId } from '../../api/read-id';
import { Show } from '../../components/status';
import { VersionSelect } from '../../components/version-select';
import { mayIn, useSession } from '../../app/session';
import { useNegotiation } from '../negotiation/negotiation-context';
import { AdoptAmendments } from './adopt-amendments';
import { PlanActions } from '../drafting/plan-actions';
import { PointList } from './point-list';
import { PositionMatrix } from './position-matrix';

export function PlanPage() {
  const { negotiation, plan, latestVersionId, tick } = useNegotiation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const versionId = readId(PlanVersionIdSchema, params.get('version')) ?? latestVersionId;
  const topic = params.get('topic') ?? '';
  const status = params.get('status') ?? '';
  const setParam = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const data = useResource(async () => {
    if (versionId === undefined) return undefined;
    const [version, statusView, positions, amendments] = await Promise.all([
      getVersion(negotiation.id, versionId),
      getStatus(negotiation.id, versionId),
      listPositions(negotiation.id, versionId),
      listAmendments(negotiation.id),
    ]);
    return {
      version: version.version,
      status: statusView,
      positions: positions.items,
      amendments: amendments.items,
      // Judged with the data, not at render: a version saved elsewhere changes the newest before
      // this data follows, and the adoption form, unmounted in between, would lose its choices
      // and what it says about the version saved meanwhile.
      isNewest: versionId === latestVersionId,
    };
  }, [negotiation.id, versionId, latestVersionId, tick]);

  if (versionId === undefined)
    return (
      <>
        <p className="muted">The plan has no version yet.</p>
        <PlanActions versionId={undefined} />
      </>
    );
  return (
    <Show resource={data} what="the plan">
      {(loaded) => {
        if (loaded === undefined) return null;
        const { version, status: statusView, positions, amendments, isNewest } = loaded;
        const topics = [
          ...new Set(version.points.map((p) => p.topic).filter((t): t is string => t !== null)),
        ].sort();
        const statusOf = new Map(statusView.points.map((p) => [p.pointId, p.status]));
        const visible = version.points.filter(
          (p) => (topic === '' || p.topic === topic) && (status === '' || statusOf.get(p.pointId) === status),
        );
        return (
          <>
            <div className="toolbar" role="group" aria-label="Plan filters">
              <VersionSelect
                label="Version"
                plan={plan}
                value={versionId}
                onChange={(id) => setParam('version', id)}
              />
              <label>
                Topic
                <select value={topic} onChange={(e) => setParam('topic', e.target.value)}>
                  <option value="">All topics</option>
                  {topics.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Status
                <select value={status} onChange={(e) => setParam('status', e.target.value)}>
                  <option value="">All statuses</option>
                  {['open', 'contested', 'agreed', 'agreed_ad_referendum', 'deferred_to_leaders'].map((s) => (
                    <option key={s} value={s}>
                      {labelOf(s)}
                    </option>
                  ))}
                </select>
              </label>
              <p className="muted" aria-live="polite">
                {visible.length} of {version.points.length} points
              </p>
            </div>
            <PlanActions versionId={version.id} />
            <div className="plan-columns">
              <section aria-labelledby="points-heading">
                <h2 id="points-heading">{version.label}</h2>
                <PointList points={visible} statusOf={statusOf} versionId={version.id} />
              </section>
              <section aria-labelledby="matrix-heading">
                <h2 id="matrix-heading">Position matrix</h2>
                <PositionMatrix points={visible} positions={positions} versionId={version.id} />
              </section>
            </div>
            {mayIn(me, 'plan.manage', negotiation.id) && isNewest && (
              <AdoptAmendments version={version} amendments={amendments} />
            )}
          </>
        );
      }}
    </Show>
  );
}
