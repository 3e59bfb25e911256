import type { DiffPart, Redline as CoreRedline, RedlineSchema } from '@parley/core';
import type { z } from 'zod';
import { Chip } from '../../components/chips';

export type RedlineView = z.infer<typeof RedlineSchema>;

/** Word-level diff: insertions underlined, deletions struck through (and announced as such). */
export function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.op === 'insert')
          return (
            <ins key={i} aria-label={`inserted: ${part.text}`}>
              {part.text}
            </ins>
          );
        if (part.op === 'delete')
          return (
            <del key={i} aria-label={`deleted: ${part.text}`}>
              {part.text}
            </del>
          );
        return <span key={i}>{part.text}</span>;
      })}
    </>
  );
}

const refs = (list: readonly { number: number }[]) => list.map((r) => r.number).join(' + ') || '—';

/** Takes the API's redline or one computed in the browser (a draft against its parent). */
export function Redline({ redline }: { redline: RedlineView | CoreRedline }) {
  const changed = redline.rows.filter((row) => row.kind !== 'unchanged');
  return (
    <ol className="redline">
      {changed.map((row, i) => (
        <li key={i} className={`redline-row kind-${row.kind}`}>
          <p className="redline-head">
            <span className="numbers">
              {refs(row.from)} → {refs(row.to)}
            </span>{' '}
            <Chip value={row.kind} />
            {row.labels.map((label) => (
              <span key={label} className="chip chip-label">
                {label}
              </span>
            ))}
          </p>
          {row.title.length > 0 && (
            <p className="redline-title" dir="auto">
              <DiffText parts={row.title} />
            </p>
          )}
          <p className="redline-text" dir="auto">
            <DiffText parts={row.text} />
          </p>
        </li>
      ))}
      {changed.length === 0 && <li className="muted">No differences.</li>}
    </ol>
  );
}
