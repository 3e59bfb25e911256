import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  can,
  DomainError,
  embedPlainText,
  exportInputProblems,
  isMembershipActive,
  type CreateExportInput,
  type ExportResult,
  type Member,
  type Negotiation,
  type UserId,
  type Viewer,
} from '@parley/core';
import { recordAudit } from '../audit';
import { documentBlocks, renderText } from '../exports/export-document';
import { FILE_TYPES, renderFile } from '../exports/render-export';
import { findExport, insertExport, type StoredExport } from '../storage/exports';
import { listMembers } from '../storage/members';
import { listPlanVersions } from '../storage/plan-versions';
import type { AppDeps } from './deps';
import { buildMaterial, toDocument, versionBlocks } from './export-material';
import { assertAllowed, loadViewer } from './viewer';

export type Recipient = { userId: UserId; displayName: string };
const negotiationResource = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

/** A member's most recent name in this negotiation (a user may have held several seats). */
export function recipientOf(members: readonly Member[], userId: string): Recipient | undefined {
  const member = members.filter((candidate) => candidate.userId === userId).at(-1);
  return member === undefined ? undefined : { userId: member.userId, displayName: member.displayName };
}

/** Names the key in the audit log without revealing it (the key itself lets anyone forge a copy). */
export const fingerprintKeyId = (key: string) =>
  `sha256:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)}`;

export const fileNameOf = (recorded: Pick<StoredExport, 'id' | 'kind' | 'format'>) =>
  `parley-${recorded.kind}-${recorded.id.slice(0, 8)}.${FILE_TYPES[recorded.format].extension}`;

async function resolveRecipient(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; recipientUserId: string | undefined },
): Promise<Recipient> {
  const resource = negotiationResource(input.negotiation);
  assertAllowed(can(viewer, 'export.create', resource), 'export from this negotiation');
  const recipientUserId = input.recipientUserId ?? viewer.userId;
  if (recipientUserId === null) throw new DomainError('not-found', 'Negotiation not found.');
  // Only the mediator staff export copies for others; each copy names exactly one recipient.
  if (recipientUserId !== viewer.userId)
    assertAllowed(can(viewer, 'plan.manage', resource), 'export a copy for someone else');
  const now = deps.clock.now();
  const current = (await listMembers(deps.db, input.negotiation.id)).filter((member) =>
    isMembershipActive(member, now),
  );
  const recipient = recipientOf(current, recipientUserId);
  if (recipient === undefined)
    throw new DomainError('not-found', 'Recipient not found.', { field: 'recipientUserId' });
  return recipient;
}

/**
 * Renders what the body asks for, as the recipient may read it, in the asked format, for one
 * recipient: restricted material fingerprinted with a fresh 256-bit key. The row (key, blocks,
 * bytes, SHA-256 of the bytes) and its `export.create` audit entry are written in one transaction.
 */
export async function createExport(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; body: CreateExportInput },
): Promise<ExportResult> {
  const [problem] = exportInputProblems(input.body);
  if (problem !== undefined)
    throw new DomainError('invalid-input', `${problem.field}: ${problem.message}.`, { field: problem.field });
  const recipient = await resolveRecipient(deps, viewer, {
    negotiation: input.negotiation,
    recipientUserId: input.body.recipientUserId,
  });
  const material = await buildMaterial(deps, await loadViewer(deps, recipient.userId), input);
  const createdAt = deps.clock.now();
  const document = toDocument(material, {
    recipientName: recipient.displayName,
    negotiationTitle: input.negotiation.title,
    createdAt,
  });
  const key = document.isFingerprinted ? randomBytes(32).toString('hex') : null;
  const file = await renderFile(renderText(document, key), { format: input.body.format, createdAt });
  const contentHash = createHash('sha256').update(file.bytes).digest('hex');
  const stored: StoredExport = {
    ...material.subject,
    id: randomUUID(),
    negotiationId: input.negotiation.id,
    recipientUserId: recipient.userId,
    exportedBy: viewer.userId ?? recipient.userId,
    format: input.body.format,
    fingerprintKey: key,
    points: key === null ? null : documentBlocks(document),
    content: file.bytes,
    contentHash,
    createdAt: createdAt.toISOString(),
  };
  await deps.db.transaction().execute(async (tx) => {
    await insertExport(tx, stored);
    await recordAudit(tx, {
      at: createdAt,
      actorId: viewer.userId,
      action: 'export.create',
      subjectType: 'export',
      subjectId: stored.id,
      negotiationId: input.negotiation.id,
      detail: {
        exportId: stored.id,
        recipientUserId: recipient.userId,
        kind: stored.kind,
        format: stored.format,
        versionId: stored.versionId,
        compareToVersionId: stored.compareToVersionId,
        pointId: stored.pointId,
        roundId: stored.roundId,
        fingerprintKeyId: key === null ? null : fingerprintKeyId(key),
        contentHash,
      },
    });
  });
  return {
    id: stored.id,
    kind: stored.kind,
    format: stored.format,
    recipient,
    isFingerprinted: key !== null,
    contentHash,
    fileName: fileNameOf(stored),
    contentType: file.contentType,
    downloadUrl: `/api/negotiations/${input.negotiation.id}/exports/${stored.id}/file`,
    ...(stored.format === 'markdown' ? { markdown: file.bytes.toString('utf8') } : {}),
  };
}

// Rows from before migration 0041 hold no bytes: they are Markdown plan versions in the 0040 layout.
async function legacyBytes(deps: AppDeps, recorded: StoredExport): Promise<Buffer> {
  const version = (await listPlanVersions(deps.db, recorded.negotiationId)).find(
    (entry) => entry.version.id === recorded.versionId,
  )?.version;
  if (version === undefined || recorded.fingerprintKey === null)
    throw new DomainError('not-found', 'Export not found.');
  return Buffer.from(
    `# ${version.label}\n\n${embedPlainText(versionBlocks(version), { key: recorded.fingerprintKey })}\n`,
    'utf8',
  );
}

/** The bytes of a copy, for its recipient and the mediator staff; to anyone else it does not exist. */
export async function getExportFile(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; exportId: string },
): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const recorded = await findExport(deps.db, {
    negotiationId: input.negotiation.id,
    exportId: input.exportId,
  });
  if (
    recorded === undefined ||
    !can(viewer, 'export.download', {
      kind: 'export',
      negotiationId: input.negotiation.id,
      recipientUserId: recorded.recipientUserId,
    })
  ) {
    throw new DomainError('not-found', 'Export not found.');
  }
  const bytes = recorded.content ?? (await legacyBytes(deps, recorded));
  if (recorded.fingerprintKey !== null) {
    // A marked copy is restricted material: fetching it is audited like any restricted read.
    await deps.db.transaction().execute((tx) =>
      recordAudit(tx, {
        at: deps.clock.now(),
        actorId: viewer.userId,
        action: 'export.download',
        subjectType: 'export',
        subjectId: recorded.id,
        negotiationId: input.negotiation.id,
        detail: {
          exportId: recorded.id,
          recipientUserId: recorded.recipientUserId,
          contentHash: recorded.contentHash,
        },
      }),
    );
  }
  return { bytes, contentType: FILE_TYPES[recorded.format].contentType, fileName: fileNameOf(recorded) };
}
