import type { Redline, RedlineRow } from '@parley/core';

/** A redline between two files, whose lineage was inferred: each row carries the inference's score. */
export type InferredRedline = Omit<Redline, 'rows'> & {
  readonly lineage: 'inferred';
  readonly rows: readonly (RedlineRow & { readonly score: number; readonly moved: boolean })[];
};

// Rows scored below this are worth a second look before the map is trusted.
const DOUBTFUL = 0.5;

/** The lineage map of two files, one line per row, printed before the redline. */
export function formatLineageMap(redline: InferredRedline): string {
  const numbers = (points: readonly { number: number }[]) =>
    points.map((point) => point.number).join('+') || '—';
  const lines = redline.rows.map((row) => {
    const title = row.to[0]?.title || row.from[0]?.title || '';
    const flags = [row.moved ? 'moved' : '', row.score < DOUBTFUL ? 'check' : ''].filter(Boolean);
    return [
      `${numbers(row.from)} → ${numbers(row.to)}`.padStart(12),
      row.kind.padEnd(12),
      row.score.toFixed(2),
      title,
      flags.length > 0 ? `(${flags.join(', ')})` : '',
    ]
      .filter((part) => part !== '')
      .join('  ');
  });
  return [`Lineage map (inferred from the wording; score 0–1):`, ...lines, ''].join('\n');
}
