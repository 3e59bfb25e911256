import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  can, DomainError, embedPlainText, isMembershipActive, traceLeak,
  type FingerprintPoint, type Member, type Negotiation, type PlanVersion, type TraceLeakResponse, type UserId, type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { insertExport, listExports } from '../storage/exports';
import { listMembers } from '../storage/members';
import { listPlanVersions } from '../storage/plan-versions';
import type { AppDeps } from './deps';
import { getVersionForViewer } from './plan-versions';
import { assertAllowed, loadViewer } from './viewer';

type Recipient = { userId: UserId; displayName: string };
const negotiationResource = (negotiation: Negotiation) => ({ kind: 'negotiation' as const, negotiationId: negotiation.id });

/** The canonical points the fingerprint is embedded in (and traced against). */
function fingerprintPoints(version: PlanVersion): FingerprintPoint[] {
  return version.points.map((point) => ({ id: point.pointId, number: String(point.number), title: point.title, text: point.text }));
}

function renderMarkdown(version: PlanVersion, key: string): string {
  return `# ${version.label}\n\n${embedPlainText(fingerprintPoints(version), { key })}\n`;
}

// A member's most recent name in this negotiation (a user may have held several seats).
function recipientOf(members: readonly Member[], userId: string): Recipient | undefined {
  const member = members.filter((candidate) => candidate.userId === userId).at(-1);
  return member === undefined ? undefined : { userId: member.userId, displayName: member.displayName };
}

/** Markdown of a plan version as the recipient may read it, fingerprinted with a fresh key and recorded. */
export async function exportPlanVersion(
  deps: AppDeps, viewer: Viewer, input: { negotiation: Negotiation; versionId: string; recipientUserId?: string },
): Promise<{ id: string; recipient: Recipient; contentHash: string; markdown: string }> {
  const resource = negotiationResource(input.negotiation);
  assertAllowed(can(viewer, 'export.create', resource), 'export this plan');
  const recipientUserId = input.recipientUserId ?? viewer.userId;
  if (recipientUserId === null) throw new DomainError('not-found', 'Negotiation not found.');
  // Only the mediator staff export copies for others; each copy names exactly one recipient.
  if (recipientUserId !== viewer.userId) assertAllowed(can(viewer, 'plan.manage', resource), 'export a copy for someone else');
  const now = deps.clock.now();
  const members = await listMembers(deps.db, input.negotiation.id);
  const current = members.filter((member) => isMembershipActive(member, now));
  const recipient = recipientOf(current, recipientUserId);
  if (recipient === undefined) throw new DomainError('not-found', 'Recipient not found.', { field: 'recipientUserId' });
  const recipientViewer = await loadViewer(deps, recipient.userId);
  const { version } = await getVersionForViewer(deps, recipientViewer, { negotiation: input.negotiation, versionId: input.versionId });
  const key = randomBytes(32).toString('hex');
  const markdown = renderMarkdown(version, key);
  const contentHash = createHash('sha256').update(markdown, 'utf8').digest('hex');
  const id = randomUUID();
  await deps.db.transaction().execute(async (tx) => {
    await insertExport(tx, {
      id, negotiationId: input.negotiation.id, versionId: version.id, recipientUserId: recipient.userId, exportedBy: viewer.userId ?? recipient.userId,
      format: 'markdown', fingerprintKey: key, contentHash, createdAt: now.toISOString(),
    });
    await recordAudit(tx, {
      at: now, actorId: viewer.userId, action: 'export.create', subjectType: 'export', subjectId: id, negotiationId: input.negotiation.id,
      detail: { exportId: id, recipientUserId: recipient.userId, versionId: version.id, contentHash },
    });
  });
  return { id, recipient, contentHash, markdown };
}

/** Ranks this negotiation's export recipients by how well the pasted text matches their copy's fingerprint. */
export async function traceLeakInNegotiation(deps: AppDeps, viewer: Viewer, input: { negotiation: Negotiation; text: string }): Promise<TraceLeakResponse> {
  // Hidden like everything else the viewer may not see: the same 404 as a missing negotiation.
  if (!can(viewer, 'export.trace', negotiationResource(input.negotiation))) throw new DomainError('not-found', 'Negotiation not found.');
  const [exports, versions, members] = await Promise.all([
    listExports(deps.db, input.negotiation.id), listPlanVersions(deps.db, input.negotiation.id), listMembers(deps.db, input.negotiation.id),
  ]);
  const versionById = new Map(versions.map((entry) => [entry.version.id, entry.version]));
  const points = new Map<string, FingerprintPoint>();
  for (const versionId of new Set(exports.map((recorded) => recorded.versionId))) {
    const version = versionById.get(versionId);
    for (const point of version === undefined ? [] : fingerprintPoints(version)) points.set(`${point.id}\u0000${point.text}`, point);
  }
  const result = traceLeak({
    excerpt: input.text, points: [...points.values()],
    candidates: exports.map((recorded) => ({ recipientId: recorded.id, key: recorded.fingerprintKey })),
  });
  const byId = new Map(exports.map((recorded) => [recorded.id, recorded]));
  const recipientFor = (exportId: string): Recipient => {
    const userId = byId.get(exportId)?.recipientUserId ?? '';
    return recipientOf(members, userId) ?? { userId: userId as UserId, displayName: 'Former member' };
  };
  await deps.db.transaction().execute((tx) => recordAudit(tx, {
    at: deps.clock.now(), actorId: viewer.userId, action: 'export.trace', subjectType: 'negotiation', subjectId: input.negotiation.id, negotiationId: input.negotiation.id,
    detail: { verdict: result.verdict.kind, identified: result.verdict.kind === 'identified' ? result.verdict.recipientId : null, marksRead: result.marksRead },
  }));
  return {
    verdict: result.verdict.kind === 'identified'
      ? { kind: 'identified', exportId: result.verdict.recipientId, recipient: recipientFor(result.verdict.recipientId) }
      : { kind: 'undecided', reason: result.verdict.reason },
    marksRead: result.marksRead,
    ranking: result.ranking.map((score) => ({
      exportId: score.recipientId, recipient: recipientFor(score.recipientId), logLikelihoodRatio: score.logLikelihoodRatio,
      posterior: score.posterior, matched: score.matched, mismatched: score.mismatched,
    })),
  };
}
