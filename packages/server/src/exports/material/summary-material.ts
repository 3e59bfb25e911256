import {
  DomainError,
  pointsOpenBefore,
  type FingerprintPoint,
  type Negotiation,
  type Viewer,
  type PlanVersionId,
} from '@parley/core';
import type { ExportSection } from '../document/export-document';
import { listParties } from '../../storage/parties';
import type { AppDeps } from '../../services/deps';
import { listDeadlinesForViewer } from '../../services/deadlines';
import type { Material } from './material';
import { planStatusForViewer } from '../../services/plan-positions';
import { listVersionsForViewer } from '../../services/plan-versions';

const said = (ids: readonly string[], names: ReadonlyMap<string, string>) =>
  ids.map((id) => names.get(id) ?? 'a party').join(', ');
const spoken = (status: string) => status.replace(/_/g, ' ');

/**
 * The negotiation's summary for a recipient: state, each point's status, the blocking points and
 * the deadlines, on `versionId` or the latest version. Statuses count only positions the recipient
 * may read that were shared beyond a delegation: the mediator staff may download every copy, so
 * a copy must not let them infer a party's private position.
 */
export async function summaryDocument(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; versionId: PlanVersionId | undefined },
): Promise<{ versionId: PlanVersionId; material: Omit<Material, 'subject'> }> {
  const { negotiation } = input;
  const { versions } = await listVersionsForViewer(deps, viewer, negotiation);
  const version = (
    input.versionId === undefined
      ? versions.at(-1)
      : versions.find((entry) => entry.version.id === input.versionId)
  )?.version;
  if (version === undefined) throw new DomainError('not-found', 'Version not found.');
  const [status, parties, deadlines] = await Promise.all([
    planStatusForViewer(deps, viewer, { negotiation, versionId: version.id, sharedOnly: true }),
    listParties(deps.db, negotiation.id),
    listDeadlinesForViewer(deps, viewer, negotiation),
  ]);
  const names = new Map(parties.map((party) => [party.id as string, party.name]));
  const counts = Object.entries(status.counts)
    .filter(([, count]) => count > 0)
    .map(([pointStatus, count]) => `${count} ${spoken(pointStatus)}`)
    .join(', ');
  const overview: FingerprintPoint = {
    id: `summary:${version.id}:state`,
    number: '1',
    title: 'State of the negotiation',
    text: `On ${version.label} the negotiation is ${spoken(status.state)}: ${counts}.`,
  };
  const statusBlocks = status.points.map((point): FingerprintPoint => {
    const objecting =
      point.objectingPartyIds.length > 0 ? ` Objecting: ${said(point.objectingPartyIds, names)}.` : '';
    const missing =
      point.missingPartyIds.length > 0 ? ` Awaiting: ${said(point.missingPartyIds, names)}.` : '';
    return {
      id: `summary:${point.pointId}`,
      number: String(point.number),
      title: point.title,
      text: `Status: ${spoken(point.status)}.${objecting}${missing}`,
    };
  });
  const blocking =
    status.blocking.length === 0
      ? 'No point blocks agreement.'
      : `Points blocking agreement: ${status.blocking.map((entry) => `${entry.number} (${spoken(entry.status)})`).join(', ')}.`;
  const now = deps.clock.now().toISOString();
  const deadlineBlocks = deadlines.map((deadline, index): FingerprintPoint => {
    const { isPast, open } = pointsOpenBefore({ points: status.points, dueAt: deadline.dueAt, now });
    const standing = isPast
      ? 'This deadline has passed.'
      : `Points still open: ${open.map((point) => point.number).join(', ') || 'none'}.`;
    return {
      id: `summary:deadline:${deadline.id}`,
      number: String(index + 1),
      title: deadline.title,
      text: `Due ${deadline.dueAt.slice(0, 16).replace('T', ' ')} UTC. ${standing} ${deadline.consequence}`.trim(),
    };
  });
  const sections: ExportSection[] = [
    {
      heading: null,
      blocks: [
        overview,
        { id: `summary:${version.id}:blocking`, number: '2', title: 'Blocking points', text: blocking },
      ],
    },
    { heading: 'Points', blocks: statusBlocks },
    ...(deadlineBlocks.length > 0 ? [{ heading: 'Deadlines', blocks: deadlineBlocks }] : []),
  ];
  return {
    versionId: version.id,
    material: {
      title: `Summary of ${negotiation.title}`,
      detail: `Summary on ${version.label}`,
      sections,
      isFingerprinted: true,
    },
  };
}
