import type {
  DiffPart,
  FingerprintPoint,
  Negotiation,
  PlanVersionId,
  RedlineRow,
  Viewer,
} from '@parley/core';
import type { ExportSection } from '../document/export-document';
import { markDiff } from '../document/redline-marks';
import { listParties } from '../../storage/parties';
import type { StoredVersion } from '../../storage/plan-versions';
import type { AppDeps } from '../../services/deps';
import { redlineForViewer } from '../../services/plan-versions';

/**
 * Who a redline's changes are attributed to (Word's tracked-change author): the one party that
 * proposed the new version's changes, when the version names one, else the mediator.
 */
async function revisionAuthor(
  deps: AppDeps,
  negotiation: Negotiation,
  input: { version: StoredVersion; fromId: PlanVersionId },
): Promise<string> {
  const { version, fromId } = input;
  const parties = await listParties(deps.db, negotiation.id);
  // Across several versions the changes were made by whoever made each of them: the new version's
  // proposer did not write its parent's changes, so only a one-step redline names it.
  const isOneStep = version.version.parentId === fromId;
  const proposers = new Set(
    version.edges.flatMap((edge) => (edge.proposedBy == null ? [] : [edge.proposedBy])),
  );
  const [only] = proposers;
  const proposer = isOneStep && proposers.size === 1 ? parties.find((party) => party.id === only) : undefined;
  return proposer?.name ?? parties.find((party) => party.role === 'mediator')?.name ?? 'Mediator';
}

const TITLE_SEPARATOR = ' / ';

const titlesOf = (points: RedlineRow['from']) =>
  points.map((point) => point.title).filter((title) => title !== '');

/**
 * A row's titles as a change. One point to one keeps the word diff ("Sovereignty confirmed
 * reaffirmed" with one word struck). Where points merge or split, a word diff of the joined titles
 * interleaved words of unrelated titles; there each old title that is gone is struck whole and
 * each new one is inserted whole, the titles kept by both standing as they are.
 */
function titleChange(row: RedlineRow): DiffPart[] {
  if (row.from.length <= 1 && row.to.length <= 1) return [...row.title];
  const before = titlesOf(row.from);
  const after = titlesOf(row.to);
  const gone = before.filter((title) => !after.includes(title));
  const now = after.map((title, index): DiffPart => ({
    op: before.includes(title) ? 'equal' : 'insert',
    text: index === 0 ? title : `${TITLE_SEPARATOR}${title}`,
  }));
  // The separator goes inside the struck titles, so accepting every change leaves the new ones alone.
  const struck = [...gone, ...(now.length > 0 ? [''] : [])].join(TITLE_SEPARATOR);
  const parts: DiffPart[] = gone.length > 0 ? [{ op: 'delete', text: struck }] : [];
  // Titles inserted side by side are one insertion, read (and accepted in Word) as one.
  for (const part of now) {
    const last = parts.at(-1);
    if (last?.op === part.op) parts[parts.length - 1] = { op: part.op, text: last.text + part.text };
    else parts.push(part);
  }
  return parts;
}

/**
 * One block per changed row, its heading and text kept apart as for every kind: the heading names
 * the change and the point's title (a changed title shown as a change in it), the text is the
 * text's redline. Deletions and insertions are marked (redline-marks.ts), never bracketed.
 */
export function redlineBlock(fromId: PlanVersionId, row: RedlineRow, index: number): FingerprintPoint {
  const before = row.from.map((point) => point.number).join('+') || '—';
  const after = row.to.map((point) => point.number).join('+') || '—';
  const labels = row.labels.length > 0 ? ` [${row.labels.join(', ')}]` : '';
  // A point added or dropped whole keeps its title plain: its text is then one change.
  const isWhole = row.from.length === 0 || row.to.length === 0;
  const title = markDiff(
    isWhole
      ? [{ op: 'equal', text: titlesOf(row.to.length > 0 ? row.to : row.from).join(TITLE_SEPARATOR) }]
      : titleChange(row),
  );
  return {
    id: `redline:${fromId}:${index}`,
    number: `${before}→${after}`,
    title: `${row.kind}${title === '' ? '' : `, ${title}`}${labels}`,
    text: markDiff(row.text),
  };
}

/** The "Changes from …" section of a plan version's export: every changed row, read as `viewer`. */
export async function redlineSection(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; version: StoredVersion; fromId: PlanVersionId },
): Promise<{ fromLabel: string; section: ExportSection }> {
  const { negotiation, version, fromId } = input;
  const redline = await redlineForViewer(deps, viewer, { negotiation, fromId, toId: version.version.id });
  const blocks = redline.rows.flatMap((row, index) =>
    row.kind === 'unchanged' ? [] : [redlineBlock(fromId, row, index)],
  );
  return {
    fromLabel: redline.from.label,
    section: {
      heading: `Changes from ${redline.from.label}`,
      blocks,
      revision: {
        author: await revisionAuthor(deps, negotiation, { version, fromId }),
        date: version.createdAt,
      },
    },
  };
}
