import { excerpt } from '../../components/point-label';
import type { PointRef } from '../../components/use-point-names';
import type { RedlineView } from './redline';
import { ScrollRegion } from '../../components/scroll-region';

const ROW = 26;
const WIDTH = 720;
const BOX = 270;
const COLOURS: Record<string, string> = {
  unchanged: 'var(--muted)',
  renumbered: 'var(--muted)',
  amended: 'var(--amend)',
  merged: 'var(--merge)',
  split: 'var(--merge)',
  restructured: 'var(--merge)',
  dropped: 'var(--bad)',
  added: 'var(--good)',
};

type Namer = (point: PointRef) => string;

/**
 * Old points on the left, new on the right, one line per lineage link coloured by kind:
 * merges show as several lines meeting, drops as struck-out boxes with no line. Each side names
 * its points from its own version (`nameFrom`, `nameTo`): a point's text may differ between them.
 */
export function LineageDiagram({
  redline,
  nameFrom,
  nameTo,
}: {
  redline: RedlineView;
  nameFrom: Namer;
  nameTo: Namer;
}) {
  const left = new Map<string, { number: number; name: string; kind: string }>();
  const right = new Map<string, { number: number; name: string; kind: string }>();
  for (const row of redline.rows) {
    for (const p of row.from) left.set(p.pointId, { number: p.number, name: nameFrom(p), kind: row.kind });
    for (const p of row.to) right.set(p.pointId, { number: p.number, name: nameTo(p), kind: row.kind });
  }
  const leftOrder = [...left.entries()].sort((a, b) => a[1].number - b[1].number);
  const rightOrder = [...right.entries()].sort((a, b) => a[1].number - b[1].number);
  const yLeft = new Map(leftOrder.map(([id], i) => [id, i * ROW + ROW / 2 + 4]));
  const yRight = new Map(rightOrder.map(([id], i) => [id, i * ROW + ROW / 2 + 4]));
  const height = Math.max(leftOrder.length, rightOrder.length) * ROW + 8;
  // What fits in a box.
  const label = (name: string) => excerpt(name, 37);

  return (
    <ScrollRegion className="diagram-scroll" label="Lineage diagram, scrollable">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={`Lineage from ${redline.from.label} (left) to ${redline.to.label} (right)`}
      >
        {redline.rows.flatMap((row, r) =>
          row.from.flatMap((f) =>
            row.to.map((t) => {
              const y1 = yLeft.get(f.pointId) ?? 0;
              const y2 = yRight.get(t.pointId) ?? 0;
              const x1 = BOX;
              const x2 = WIDTH - BOX;
              return (
                <path
                  key={`${r}-${f.pointId}-${t.pointId}`}
                  d={`M${x1},${y1} C${x1 + 60},${y1} ${x2 - 60},${y2} ${x2},${y2}`}
                  fill="none"
                  stroke={COLOURS[row.kind] ?? 'var(--muted)'}
                  strokeWidth={row.kind === 'unchanged' ? 1 : 2}
                  opacity={row.kind === 'unchanged' ? 0.5 : 0.9}
                />
              );
            }),
          ),
        )}
        {leftOrder.map(([id, p]) => (
          <g key={`l-${id}`} className={`node kind-${p.kind}`}>
            <rect x={2} y={(yLeft.get(id) ?? 0) - ROW / 2 + 3} width={BOX - 4} height={ROW - 6} rx={4} />
            <text
              x={8}
              y={(yLeft.get(id) ?? 0) + 4}
              textDecoration={p.kind === 'dropped' ? 'line-through' : undefined}
            >
              {label(p.name)}
            </text>
            {p.kind === 'dropped' && (
              <text x={BOX + 8} y={(yLeft.get(id) ?? 0) + 4} className="drop-mark">
                ✕ dropped
              </text>
            )}
          </g>
        ))}
        {rightOrder.map(([id, p]) => (
          <g key={`r-${id}`} className={`node kind-${p.kind}`}>
            <rect
              x={WIDTH - BOX + 2}
              y={(yRight.get(id) ?? 0) - ROW / 2 + 3}
              width={BOX - 4}
              height={ROW - 6}
              rx={4}
            />
            <text x={WIDTH - BOX + 8} y={(yRight.get(id) ?? 0) + 4}>
              {label(p.name)}
            </text>
          </g>
        ))}
      </svg>
      <p className="legend small">
        <span style={{ color: 'var(--amend)' }}>■ amended</span>{' '}
        <span style={{ color: 'var(--merge)' }}>■ merged / split</span>{' '}
        <span style={{ color: 'var(--bad)' }}>■ dropped</span>{' '}
        <span style={{ color: 'var(--good)' }}>■ added</span>{' '}
        <span className="muted">■ unchanged / renumbered</span>
      </p>
    </ScrollRegion>
  );
}
