import type { Redline, RedlineRow } from './compare-versions';
import type { DiffPart } from './word-diff';

/** A plain-text redline for terminals and e-mail: [-deleted-] and {+inserted+}, one block per row. */
export function formatRedline(redline: Redline, options: { showUnchanged?: boolean } = {}): string {
  const { counts } = redline;
  const summary = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  const lines = [
    `${redline.from.label} (${redline.from.points} points) → ${redline.to.label} (${redline.to.points} points)`,
    summary,
    '',
  ];
  for (const row of redline.rows) {
    if (row.kind === 'unchanged' && options.showUnchanged !== true) continue;
    lines.push(heading(row), `  ${render(row.text)}`.replace(/\n/g, '\n  '), '');
  }
  return lines.join('\n').trimEnd() + '\n';
}

function heading(row: RedlineRow): string {
  const before = row.from.map((p) => p.number).join('+') || '—';
  const after = row.to.map((p) => p.number).join('+') || '—';
  const title = row.to[0]?.title || row.from[0]?.title || '';
  const labels = row.labels.length > 0 ? ` [${row.labels.join(', ')}]` : '';
  return `${before} → ${after}  ${row.kind.toUpperCase()}${title === '' ? '' : `  ${title}`}${labels}`;
}

function render(parts: readonly DiffPart[]): string {
  return parts
    .map((part) =>
      part.op === 'equal' ? part.text : part.op === 'insert' ? `{+${part.text}+}` : `[-${part.text}-]`,
    )
    .join('');
}
