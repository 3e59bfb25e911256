import { type ExportRecord, type Negotiation, type Viewer } from '@parley/core';
import { FILE_TYPES } from './render/file-types';
import { listExportRegister } from '../storage/exports';
import { listMembers } from '../storage/members';
import type { AppDeps } from '../services/deps';
import { auditRecordsListed } from '../services/records';
import { copyAccess } from './copy-access';
import { fileNameOf, recipientOf, versionNumbersFor } from './recipients';
import { labelSubjects } from './subject-labels';

/**
 * The copies the viewer may fetch, newest first: a participant's own copies, and the copies the
 * mediator staff made or may read (copy-access.ts). Who received what is itself restricted, so a
 * copy the viewer may not fetch is not listed at all (the same rule as the download route).
 */
export async function listExportsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation },
): Promise<ExportRecord[]> {
  const { negotiation } = input;
  const negotiationId = negotiation.id;
  const [rows, members] = await Promise.all([
    listExportRegister(deps.db, negotiationId),
    listMembers(deps.db, negotiationId),
  ]);
  const mayFetch = await copyAccess(deps, viewer, { negotiationId, copies: rows });
  const listed = rows.filter(mayFetch);
  const { labelOf, recordsNamed } = await labelSubjects(deps, viewer, { negotiation, copies: listed });
  const versionNumbers = await versionNumbersFor(deps.db, { negotiationId, copies: listed });
  // A restricted record's title is shown here as in the records list and search, so it is audited alike.
  await auditRecordsListed(deps, viewer, { negotiation, records: recordsNamed });
  return listed.map((row) => ({
    id: row.id,
    kind: row.kind,
    subject: labelOf(row),
    format: row.format,
    recipient: recipientOf(members, row.recipientUserId) ?? {
      userId: row.recipientUserId,
      displayName: 'Former member',
    },
    isFingerprinted: row.isFingerprinted,
    contentHash: row.contentHash,
    fileName: fileNameOf(row, versionNumbers),
    contentType: FILE_TYPES[row.format].contentType,
    downloadUrl: `/api/negotiations/${negotiationId}/exports/${row.id}/file`,
    createdAt: row.createdAt,
  }));
}
