import type { LineageProposal, PlanVersion, PointId } from '@parley/core';
import { chosenId } from '../../api/read-id';
import { Chip } from '../../components/chips';
import { pointLabel } from '../../components/point-label';
import { ScrollRegion } from '../../components/scroll-region';

/**
 * One row per point of the revised text: the old points it comes from (a multiple select: link,
 * unlink), "mark as new", and the proposal's kind and confidence. Old points linked nowhere are
 * listed as dropped, each with a way back.
 */
export function LineageMapEditor({
  parent,
  proposal,
  links,
  onChange,
  kindOf,
}: {
  kindOf: (number: number) => string | undefined;
  parent: PlanVersion;
  proposal: LineageProposal;
  links: ReadonlyMap<number, ReadonlySet<PointId>>;
  onChange: (links: Map<number, Set<PointId>>) => void;
}) {
  const rowOf = (number: number) => proposal.rows.find((row) => row.to.some((to) => to.number === number));
  const linked = new Set([...links.values()].flatMap((froms) => [...froms]));
  const dropped = parent.points.filter((point) => !linked.has(point.pointId));
  const set = (number: number, froms: Iterable<PointId>) => {
    const next = new Map([...links].map(([key, value]) => [key, new Set(value)]));
    next.set(number, new Set(froms));
    onChange(next);
  };
  const joins = sharedSources(parent, links);
  return (
    <>
      <p className="muted small">
        To link a new point to several old points (a merge), hold Ctrl (⌘ on a Mac) or Shift while you click
        them; with the keyboard, Shift with the arrow keys selects neighbouring points, and Ctrl with the
        arrow keys then Ctrl+Space adds one further away.
      </p>
      {/* On a phone the map scrolls sideways rather than pushing the page wider than the screen. */}
      <ScrollRegion label="Lineage map, scrollable">
        <table className="lineage-table">
          <thead>
            <tr>
              <th scope="col">New point</th>
              <th scope="col">Comes from</th>
              <th scope="col">Reads as</th>
            </tr>
          </thead>
          <tbody>
            {proposal.points.map((point) => {
              const froms = links.get(point.number) ?? new Set<PointId>();
              const row = rowOf(point.number);
              // Parley's confidence is in its own links: once the mediator changed them, it says so.
              const proposed = new Set(
                row?.links.filter((link) => link.to === point.number).map((link) => link.from) ?? [],
              );
              const asProposed = proposed.size === froms.size && [...froms].every((id) => proposed.has(id));
              return (
                <tr key={point.number}>
                  <th scope="row">{pointLabel(point)}</th>
                  <td>
                    <select
                      multiple
                      aria-label={`New point ${point.number} comes from`}
                      value={[...froms]}
                      size={Math.min(4, parent.points.length)}
                      onChange={(e) =>
                        set(
                          point.number,
                          [...e.target.selectedOptions].flatMap(
                            (o) =>
                              chosenId(
                                parent.points.map((old) => old.pointId),
                                o.value,
                              ) || [],
                          ),
                        )
                      }
                    >
                      {parent.points.map((old) => (
                        <option key={old.pointId} value={old.pointId}>
                          {pointLabel(old, 50)}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="link-button"
                      disabled={froms.size === 0}
                      onClick={(event) => {
                        // the button disables itself: the focus goes to the row's links, not the page
                        event.currentTarget.closest('td')?.querySelector('select')?.focus();
                        set(point.number, []);
                      }}
                      aria-label={`Mark as new (point ${point.number})`}
                    >
                      Mark as new
                    </button>
                  </td>
                  <td>
                    {kindOf(point.number) !== undefined && <Chip value={kindOf(point.number) ?? ''} />}
                    {row !== undefined && froms.size > 0 && (
                      <span className="small muted">
                        {' '}
                        {asProposed
                          ? `proposed with ${Math.round(row.score * 100)} % confidence`
                          : 'as you linked it'}
                      </span>
                    )}
                    {row === undefined && froms.size > 0 && (
                      <span className="small muted"> as you linked it</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {joins.length > 0 && (
        <section aria-label="Old points that feed several new points" className="warn-note">
          <p>
            {joins.map(({ old, into }) => (
              <span key={old.pointId}>
                Old point {old.number} feeds new points {into.join(' and ')}.{' '}
              </span>
            ))}
            Where a new point comes from several old points, each party keeps its most guarded position on
            them, with every note it wrote, flagged for review.
          </p>
        </section>
      )}
      <section aria-label="Dropped points">
        <h4>Dropped ({dropped.length})</h4>
        {dropped.length === 0 ? (
          <p className="muted">Every old point is carried into the new text.</p>
        ) : (
          <ul>
            {dropped.map((point) => (
              <li key={point.pointId}>{pointLabel(point)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Old points linked to two or more new points: a restructuring the mediator should see named. */
function sharedSources(
  parent: PlanVersion,
  links: ReadonlyMap<number, ReadonlySet<PointId>>,
): { old: PlanVersion['points'][number]; into: number[] }[] {
  return parent.points.flatMap((old) => {
    const into = [...links]
      .filter(([, froms]) => froms.has(old.pointId))
      .map(([number]) => number)
      .sort((a, b) => a - b);
    return into.length > 1 ? [{ old, into }] : [];
  });
}
