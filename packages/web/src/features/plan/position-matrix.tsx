import type { PlanVersionId, PointRevision, Position } from '@parley/core';
import { Link } from 'react-router';
import { labelOf } from '../../components/chips';
import { useNegotiation } from '../negotiation/negotiation-context';
import { ScrollRegion } from '../../components/scroll-region';

/**
 * Points × negotiating parties, coloured by stance. A cell the viewer may not see (or that has no
 * position) stays blank: the server never sends hidden positions, so blank cannot leak anything.
 */
export function PositionMatrix({
  points,
  positions,
  versionId,
}: {
  points: PointRevision[];
  positions: Position[];
  versionId: PlanVersionId;
}) {
  const { parties } = useNegotiation();
  const columns = parties.filter((party) => party.role === 'party');
  const cell = new Map(positions.map((p) => [`${p.pointId}|${p.partyId}`, p]));
  return (
    <ScrollRegion label="Position matrix, scrollable">
      <table className="matrix">
        <thead>
          <tr>
            <th scope="col">Point</th>
            {columns.map((party) => (
              <th key={party.id} scope="col">
                {party.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.pointId}>
              <th scope="row">
                <Link
                  to={`../points/${encodeURIComponent(point.pointId)}?version=${encodeURIComponent(versionId)}`}
                  relative="path"
                >
                  {point.number}
                </Link>
              </th>
              {columns.map((party) => {
                const position = cell.get(`${point.pointId}|${party.id}`);
                if (position === undefined)
                  return (
                    <td key={party.id} className="cell-blank" aria-label={`${party.name}: nothing visible`} />
                  );
                const text = `${labelOf(position.value)} (${labelOf(position.visibility)})${position.needsReview ? ', needs review' : ''}`;
                return (
                  <td key={party.id} className={`cell chip-${position.value}`} title={position.note || text}>
                    <span className="visually-hidden">{party.name}: </span>
                    <span aria-hidden="true">
                      {labelOf(position.value)}
                      {position.needsReview ? ' *' : ''}
                    </span>
                    <span className="visually-hidden">{text}</span>
                    {position.note !== '' && (
                      // A real control, so the note is reached by keyboard and read by screen readers.
                      <details className="cell-note">
                        <summary>
                          Note
                          <span className="visually-hidden">
                            {' '}
                            from {party.name} on point {point.number}
                          </span>
                        </summary>
                        <p dir="auto">{position.note}</p>
                      </details>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Blank: no position you may see. * needs review after a text change. Open “Note” in a cell to read it.
      </p>
    </ScrollRegion>
  );
}
