import { groupByTopic, PlanVersionIdSchema } from '@parley/core';
import { Link, useSearchParams } from 'react-router';
import { getStatus, getVersion, listPositions } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { readId } from '../../api/read-id';
import { useSession } from '../../app/session';
import { Chip } from '../../components/chips';
import { pointName } from '../../components/point-label';
import { Show } from '../../components/status';
import { VersionSelect } from '../../components/version-select';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { formatDateIn } from '../deadlines/zoned-time';
import { sharedPositionsReadable } from '../overview/awaited-parties';
import { pointReasons } from './point-reasons';
import './document.css';

/**
 * The whole text of one version on one page, by topic, for reading and printing (#11). Each
 * point's status and reason come from what the server lets this viewer see.
 */
export function DocumentPage() {
  const { negotiation, parties, plan, latestVersionId, tick } = useNegotiation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const versionId = readId(PlanVersionIdSchema, params.get('version')) ?? latestVersionId;
  const data = useResource(async () => {
    if (versionId === undefined) return undefined;
    const [stored, status, positions] = await Promise.all([
      getVersion(negotiation.id, versionId),
      getStatus(negotiation.id, versionId),
      listPositions(negotiation.id, versionId),
    ]);
    return { version: stored.version, createdAt: stored.createdAt, status, positions: positions.items };
  }, [negotiation.id, versionId, tick]);

  if (versionId === undefined) return <p className="muted">The plan has no version yet.</p>;
  const readable = sharedPositionsReadable(me, parties);
  const nameOf = (partyId: string) => partyName(parties, partyId);
  return (
    <Show resource={data} what="the document">
      {(loaded) => {
        if (loaded === undefined) return null;
        const { version, createdAt, status, positions } = loaded;
        const statusOf = new Map(status.points.map((point) => [point.pointId, point]));
        return (
          <article className="plan-document" aria-labelledby="document-heading">
            <div className="toolbar no-print" role="group" aria-label="Document options">
              <VersionSelect
                label="Version"
                plan={plan}
                value={version.id}
                onChange={(id) => setParams({ version: id }, { replace: true })}
              />
              <button type="button" onClick={() => window.print()}>
                Print
              </button>
              <Link to={`../../plan?version=${encodeURIComponent(version.id)}`} relative="path">
                Back to the plan
              </Link>
            </div>
            <header className="document-head">
              <h2 id="document-heading" dir="auto">
                {version.label}
              </h2>
              <p className="muted">
                <bdi>{negotiation.title}</bdi> · {version.points.length} point
                {version.points.length === 1 ? '' : 's'} · created{' '}
                <time dateTime={createdAt}>{formatDateIn(createdAt, negotiation.timeZone)}</time> · statuses
                from the positions visible to you
              </p>
            </header>
            {groupByTopic(version.points).map((group) => (
              <section
                key={group.topic ?? ''}
                className="document-topic"
                aria-label={group.topic ?? 'Points without a topic'}
              >
                {group.topic !== null && (
                  <h3 className="document-topic-title" dir="auto">
                    {group.topic}
                  </h3>
                )}
                {group.points.map((point) => {
                  const pointStatus = statusOf.get(point.pointId);
                  const reasons =
                    pointStatus === undefined
                      ? []
                      : pointReasons({ status: pointStatus, positions, nameOf, readable });
                  return (
                    <section
                      key={point.pointId}
                      className="document-point"
                      aria-labelledby={`document-point-${point.pointId}`}
                    >
                      <h4 id={`document-point-${point.pointId}`} dir="auto">
                        <span className="number">{point.number}.</span>{' '}
                        {point.title.trim() !== '' ? (
                          point.title
                        ) : (
                          // Its whole text follows: seen, the number is enough; heard, it names the point.
                          <span className="visually-hidden">{pointName(point)}</span>
                        )}
                      </h4>
                      {point.text.split(/\n\s*\n/).map((paragraph, index) => (
                        <p key={index} className="document-text" dir="auto">
                          {paragraph}
                        </p>
                      ))}
                      {pointStatus !== undefined && (
                        <p className="document-status">
                          <Chip value={pointStatus.status} />
                          {reasons.length > 0 && (
                            <span className="document-reason"> {reasons.join('; ')}</span>
                          )}
                        </p>
                      )}
                    </section>
                  );
                })}
              </section>
            ))}
          </article>
        );
      }}
    </Show>
  );
}
