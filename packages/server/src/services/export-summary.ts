import {
  can, deriveNegotiationState, derivePointStatus, DomainError, pointsOpenBefore, type FingerprintPoint, type Negotiation, type PartyId, type Viewer,
} from '@parley/core';
import type { ExportSection } from '../exports/export-document';
import { listParties } from '../storage/parties';
import { listPositions } from '../storage/plan-positions';
import { listEscalations } from '../storage/plan-records';
import type { AppDeps } from './deps';
import { listDeadlinesForViewer } from './deadlines';
import type { Material } from './export-material';
import { listVersionsForViewer } from './plan-versions';

const said = (ids: readonly string[], names: ReadonlyMap<string, string>) => ids.map((id) => names.get(id) ?? 'a party').join(', ');

/**
 * The negotiation's summary for a recipient: state, each point's status, the blocking points and
 * the deadlines, on `versionId` or the latest version. Statuses count only positions the recipient
 * may read that were shared beyond a delegation: the mediator staff may download every copy, so
 * a copy must not let them infer a party's private position.
 */
export async function summaryDocument(deps: AppDeps, viewer: Viewer, input: { negotiation: Negotiation; versionId: string | undefined }): Promise<{ versionId: string; material: Omit<Material, 'subject'> }> {
  const { negotiation } = input;
  const { versions } = await listVersionsForViewer(deps, viewer, negotiation);
  const version = (input.versionId === undefined ? versions.at(-1) : versions.find((entry) => entry.version.id === input.versionId))?.version;
  if (version === undefined) throw new DomainError('not-found', 'Version not found.');
  const [stored, parties, escalations, deadlines] = await Promise.all([
    listPositions(deps.db, { negotiationId: negotiation.id, versionId: version.id }), listParties(deps.db, negotiation.id),
    listEscalations(deps.db, negotiation.id), listDeadlinesForViewer(deps, viewer, negotiation),
  ]);
  const positions = stored.filter((position) => position.visibility !== 'private' &&
    can(viewer, 'position.read', { kind: 'position', negotiationId: negotiation.id, partyId: position.partyId as PartyId, visibility: position.visibility }));
  const names = new Map(parties.map((party) => [party.id as string, party.name]));
  const requiredPartyIds = parties.filter((party) => party.required).map((party) => party.id);
  const points = version.points.map((point) => ({
    point, report: derivePointStatus({
      requiredPartyIds, dropped: false,
      positions: positions.filter((position) => position.pointId === point.pointId), escalations: escalations.filter((escalation) => escalation.pointId === point.pointId),
    }),
  }));
  const state = deriveNegotiationState({ closureRule: negotiation.closureRule, requiredPartyIds, points: points.map(({ point, report }) => ({ pointId: point.pointId, number: point.number, report })) });
  const counts = Object.entries(state.counts).filter(([, count]) => count > 0).map(([status, count]) => `${count} ${status.replace(/_/g, ' ')}`).join(', ');
  const overview: FingerprintPoint = { id: `summary:${version.id}:state`, number: '1', title: 'State of the negotiation', text: `On ${version.label} the negotiation is ${state.state.replace(/_/g, ' ')}: ${counts}.` };
  const statusBlocks = points.map(({ point, report }): FingerprintPoint => {
    const objecting = report.objectingPartyIds.length > 0 ? ` Objecting: ${said(report.objectingPartyIds, names)}.` : '';
    const missing = report.missingPartyIds.length > 0 ? ` Awaiting: ${said(report.missingPartyIds, names)}.` : '';
    return { id: `summary:${point.pointId}`, number: String(point.number), title: point.title, text: `Status: ${report.status.replace(/_/g, ' ')}.${objecting}${missing}` };
  });
  const blocking = state.blocking.length === 0 ? 'No point blocks agreement.' : `Points blocking agreement: ${state.blocking.map((entry) => `${entry.number} (${entry.status.replace(/_/g, ' ')})`).join(', ')}.`;
  const now = deps.clock.now().toISOString();
  const deadlineBlocks = deadlines.map((deadline, index): FingerprintPoint => {
    const { isPast, open } = pointsOpenBefore({ points: points.map(({ point, report }) => ({ number: point.number, status: report.status })), dueAt: deadline.dueAt, now });
    const standing = isPast ? 'This deadline has passed.' : `Points still open: ${open.map((point) => point.number).join(', ') || 'none'}.`;
    return { id: `summary:deadline:${deadline.id}`, number: String(index + 1), title: deadline.title, text: `Due ${deadline.dueAt.slice(0, 16).replace('T', ' ')} UTC. ${standing} ${deadline.consequence}`.trim() };
  });
  const sections: ExportSection[] = [
    { heading: null, blocks: [overview, { id: `summary:${version.id}:blocking`, number: '2', title: 'Blocking points', text: blocking }] },
    { heading: 'Points', blocks: statusBlocks },
    ...(deadlineBlocks.length > 0 ? [{ heading: 'Deadlines', blocks: deadlineBlocks }] : []),
  ];
  return { versionId: version.id, material: { title: `Summary of ${negotiation.title}`, detail: `Summary on ${version.label}`, sections, isFingerprinted: true } };
}
