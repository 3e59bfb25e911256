import {
  PlanVersionIdSchema,
  PointIdSchema,
  type Amendment,
  type Escalation,
  type Position,
} from '@parley/core';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  getPointHistory,
  getStatus,
  getVersion,
  listAmendments,
  listEscalations,
  listPositions,
  listStatements,
} from '../../api/endpoints';
import { ApiError, errorMessage } from '../../api/api-error';
import { readId } from '../../api/read-id';
import { useResource } from '../../api/use-resource';
import { mayForParty, mayIn, useSession } from '../../app/session';
import { Chip, historyLabel, labelOf } from '../../components/chips';
import { pointLabel } from '../../components/point-label';
import { visibilityAudience } from './visibility-audience';
import { quoted } from '../../components/quoted';
import { Show } from '../../components/status';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { AmendmentFateForm } from './amendment-fate-form';
import { DecideEscalationForm } from './decide-escalation-form';
import { EscalateForm } from './escalate-form';
import { departureLine } from './history-departures';
import { PositionForm } from './position-form';
import { StatusReasons } from '../document/status-reasons';
import { ProposeAmendmentForm } from './propose-amendment-form';
import { formatCalendarDate } from '../deadlines/zoned-time';
import { withWrittenEscalations } from './with-written-escalations';
import { withWritten } from './with-written';
import { newestRead } from './newest-read';
import { usePointReread, useReadOrder } from './use-point-reread';
import { useWrittenList } from './use-written-list';

// One position per party on a point of a version: a save may answer with a copy the list has not
// caught up with yet.
const samePosition = (left: Position, right: Position) =>
  left.partyId === right.partyId && left.pointId === right.pointId && left.versionId === right.versionId;
const sameAmendment = (left: Amendment, right: Amendment) => left.id === right.id;
const sameEscalation = (left: Escalation, right: Escalation) => left.id === right.id;

export function PointPage() {
  const { negotiation, parties, latestVersionId, tick, plan } = useNegotiation();
  const { me } = useSession();
  const pointId = readId(PointIdSchema, useParams().pointId);
  const [params] = useSearchParams();
  const versionId = readId(PlanVersionIdSchema, params.get('version')) ?? latestVersionId;
  const id = negotiation.id;
  const startRead = useReadOrder();
  const data = useResource(async () => {
    const readNumber = startRead();
    // What the server answers for an id that names nothing.
    if (versionId === undefined || pointId === undefined) throw new ApiError(404, undefined);
    const [version, history, status, positions, amendments, statements, escalations] = await Promise.all([
      getVersion(id, versionId),
      getPointHistory(id, versionId, pointId),
      getStatus(id, versionId),
      listPositions(id, versionId),
      listAmendments(id),
      listStatements(id),
      listEscalations(id),
    ]);
    return {
      readNumber,
      version: version.version,
      history: history.items,
      status: status.points.find((p) => p.pointId === pointId),
      positions: positions.items.filter((p) => p.pointId === pointId),
      amendments: amendments.items.filter((a) => a.pointId === pointId),
      statements: statements.items.filter((s) => s.pointIds.includes(pointId)),
      escalations: escalations.items.filter((e) => e.pointId === pointId),
    };
  }, [id, versionId, pointId, tick]);
  const reread = usePointReread({ negotiationId: id, versionId, pointId, startRead });
  // What this page's own forms wrote, shown before the page reads the lists again.
  const [writtenEscalations, addEscalation] = useWrittenList(sameEscalation);
  const [writtenPositions, addPosition] = useWrittenList(samePosition);
  const [writtenAmendments, addAmendment] = useWrittenList(sameAmendment);
  // The status is derived from positions and escalations, not amendments: only those re-read it.
  const onEscalationWritten = (escalation: Escalation) => {
    addEscalation(escalation);
    reread.reread();
  };
  const onPositionWritten = (position: Position) => {
    addPosition(position);
    reread.reread();
  };
  const writingParty = parties.find((party) => mayForParty(me, 'position.record', party))?.id;
  const versionLabel = (vid: string) => plan.versions.find((v) => v.id === vid)?.label ?? 'another version';

  return (
    <Show resource={data} what="the point">
      {(read) => {
        const { readNumber, version, history, statements } = read;
        const point = version.points.find((p) => p.pointId === pointId);
        const escalations = withWrittenEscalations(
          read.escalations,
          writtenEscalations.filter((e) => e.pointId === pointId),
        );
        const statusRead = newestRead({ readNumber, value: read.status }, reread.status);
        const status = statusRead.value;
        // Said only while no later read of the status has answered.
        const statusFailure =
          reread.failure !== undefined && reread.failure.readNumber > statusRead.readNumber
            ? reread.failure.value
            : undefined;
        const positions = withWritten(
          newestRead({ readNumber, value: read.positions }, reread.positions).value,
          writtenPositions.filter((p) => p.pointId === pointId && p.versionId === version.id),
          samePosition,
        );
        const amendments = withWritten(
          read.amendments,
          writtenAmendments.filter((a) => a.pointId === pointId),
          sameAmendment,
        );
        if (point === undefined)
          return (
            <p className="muted">
              This point is not in {version.label}.{' '}
              <Link to="../../plan" relative="path">
                Back to the plan
              </Link>
            </p>
          );
        const own =
          writingParty === undefined ? undefined : positions.find((p) => p.partyId === writingParty);
        const newestLabel = plan.versions.find((entry) => entry.id === latestVersionId)?.label;
        return (
          <div className="point-page">
            <p>
              <Link to={`../../plan?version=${encodeURIComponent(version.id)}`} relative="path">
                ← {version.label}
              </Link>
            </p>
            <h2>
              Point <bdi>{pointLabel(point)}</bdi> {status && <Chip value={status.status} />}
            </h2>
            {status && <StatusReasons status={status} positions={positions} />}
            {statusFailure !== undefined && (
              <div className="error" role="alert">
                <p>
                  The status shown may be from before your change: reading it again failed.{' '}
                  {errorMessage(statusFailure)}
                </p>
                <button type="button" onClick={reread.reread}>
                  Read the status again
                </button>
              </div>
            )}
            {latestVersionId !== undefined && version.id !== latestVersionId && (
              // Positions belong to a version and follow their point only into versions made later:
              // one recorded here would not reach the newest text.
              <p className="warning" role="note">
                This is the point as it stood in “{version.label}”, not the newest version
                {newestLabel === undefined ? '' : ` (“${newestLabel}”)`}: a position recorded here stays with
                “{version.label}”.{' '}
                <Link to={`../plan?version=${encodeURIComponent(latestVersionId)}`} relative="path">
                  Open the newest version
                </Link>
              </p>
            )}
            {point.topic && (
              <p className="topic" dir="auto">
                {point.topic}
              </p>
            )}
            <p className="point-text" dir="auto">
              {point.text}
            </p>
            <div className="grid">
              <section className="card" aria-labelledby="positions-heading">
                <h3 id="positions-heading">Positions</h3>
                {positions.length === 0 ? (
                  <p className="muted">No position you may see.</p>
                ) : (
                  <ul className="compact">
                    {positions.map((p) => (
                      <li key={p.id}>
                        <strong>{partyName(parties, p.partyId)}</strong> <Chip value={p.value} />{' '}
                        <span className="muted">
                          visible to: {visibilityAudience(p.visibility, partyName(parties, p.partyId))}
                          {p.needsReview ? ' · needs review' : ''}
                        </span>
                        {p.note && (
                          <p className="note" dir="auto">
                            {p.note}
                          </p>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {writingParty !== undefined && (
                  <PositionForm
                    versionId={version.id}
                    pointId={point.pointId}
                    partyId={writingParty}
                    current={own}
                    onSaved={onPositionWritten}
                  />
                )}
              </section>
              <section className="card" aria-labelledby="amendments-heading">
                <h3 id="amendments-heading">Amendments</h3>
                {amendments.length === 0 ? (
                  <p className="muted">No amendment you may see.</p>
                ) : (
                  <ul className="compact">
                    {amendments.map((a) => (
                      <li key={a.id}>
                        <strong>{partyName(parties, a.partyId)}</strong>: {labelOf(a.proposal.kind)}{' '}
                        <span className="muted">(on {versionLabel(a.versionId)})</span>
                        {'text' in a.proposal && (
                          <p className="note" dir="auto">
                            “{a.proposal.text}”
                          </p>
                        )}
                        {a.rationale && <p className="muted">{a.rationale}</p>}
                        <p>
                          Fate: <Chip value={a.fate.state} />
                          {a.fate.state === 'adopted' && ` in ${versionLabel(a.fate.versionId)}`}
                          {a.fate.state === 'rejected' && a.fate.reason && ` — ${a.fate.reason}`}
                        </p>
                        {/* Shown decided too: one decided meanwhile says so (AmendmentFateForm). */}
                        {a.partyId === writingParty && (
                          <AmendmentFateForm amendment={a} fate="withdrawn" onDecided={addAmendment} />
                        )}
                        {mayIn(me, 'plan.manage', id) && (
                          <AmendmentFateForm amendment={a} fate="rejected" onDecided={addAmendment} />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {writingParty !== undefined && (
                  <ProposeAmendmentForm
                    versionId={version.id}
                    pointId={point.pointId}
                    partyId={writingParty}
                    amendments={amendments}
                    onProposed={addAmendment}
                  />
                )}
              </section>
              <section className="card" aria-labelledby="history-heading">
                <h3 id="history-heading">History</h3>
                <ol className="history">
                  {history.map((h, i) => (
                    <li key={`${h.versionId}-${h.pointId}-${i}`}>
                      <strong>{h.versionLabel}</strong>{' '}
                      <Chip value={h.change} label={historyLabel(h.change)} />{' '}
                      {h.proposedBy && (
                        <span className="muted">proposed by {partyName(parties, h.proposedBy)}</span>
                      )}
                      {h.revision ? (
                        <p className="note">
                          {h.revision.number}.{' '}
                          <bdi>
                            {h.revision.title.trim() && `${h.revision.title} — `}
                            {h.revision.text}
                          </bdi>
                        </p>
                      ) : (
                        <p className="note muted">{departureLine(history, i)}</p>
                      )}
                    </li>
                  ))}
                </ol>
              </section>
              <section className="card" aria-labelledby="escalation-heading">
                <h3 id="escalation-heading">Escalation</h3>
                {escalations.length === 0 ? (
                  <p className="muted">Not escalated.</p>
                ) : (
                  <ul className="compact">
                    {escalations.map((e) => (
                      <li key={e.id}>
                        To {e.principals.join(', ')}: {e.question}{' '}
                        {e.dueDate && <span className="muted">(due {formatCalendarDate(e.dueDate)})</span>}
                        <p>
                          {e.decision ? (
                            <>
                              Decided: <Chip value={e.decision.outcome} /> <bdi>{e.decision.note}</bdi>
                              {/* The leaders settled a new wording: the pen-holder writes it into a draft. */}
                              {e.decision.outcome === 'amended' &&
                                mayIn(me, 'plan.manage', id) &&
                                versionId === latestVersionId && (
                                  <>
                                    {' '}
                                    <Link to={`../plan/draft?point=${encodeURIComponent(point.pointId)}`}>
                                      Draft the amended wording
                                    </Link>
                                  </>
                                )}
                              <br />
                              {/* The status is the parties' positions: a decision alone agrees nothing. */}
                              <span className="muted small">
                                The point is back with the parties: their positions on it now decide its
                                status.
                              </span>
                            </>
                          ) : (
                            <Chip value="deferred_to_leaders" />
                          )}
                        </p>
                        {/* Kept once decided, to say so where the focus was. */}
                        {mayIn(me, 'plan.manage', id) && (
                          <DecideEscalationForm escalation={e} onDecided={onEscalationWritten} />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {mayIn(me, 'plan.manage', id) && (
                  <EscalateForm
                    // A decision recorded hands the point back: a fresh form, without the last outcome.
                    key={`${point.pointId}-${escalations.filter((e) => e.decision !== null).length}`}
                    pointId={point.pointId}
                    withLeaders={escalations.some((e) => e.decision === null)}
                    onEscalated={onEscalationWritten}
                  />
                )}
                <h3>Statements</h3>
                {statements.length === 0 ? (
                  <p className="muted">No public statement on this point.</p>
                ) : (
                  <ul className="statements">
                    {statements.map((s) => (
                      <li key={s.id}>
                        <blockquote>{quoted(s.quote)}</blockquote>
                        <p className="muted">
                          {s.person}, {partyName(parties, s.partyId)} — {formatCalendarDate(s.date)}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </div>
          </div>
        );
      }}
    </Show>
  );
}
