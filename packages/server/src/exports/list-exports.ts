import { can, type ExportRecord, type Negotiation, type Viewer } from '@parley/core';
import { FILE_TYPES } from './render/file-types';
import { listExportRegister } from '../storage/exports';
import { listMembers } from '../storage/members';
import type { AppDeps } from '../services/deps';
import { fileNameOf, recipientOf } from './recipients';

/**
 * The copies the viewer may fetch, newest first: every copy for the mediator staff, a participant's
 * own copies otherwise. Who received what is itself restricted, so a copy the viewer may not fetch
 * is not listed at all (the same rule as the download route, `export.download`).
 */
export async function listExportsForViewer(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation },
): Promise<ExportRecord[]> {
  const negotiationId = input.negotiation.id;
  const [rows, members] = await Promise.all([
    listExportRegister(deps.db, negotiationId),
    listMembers(deps.db, negotiationId),
  ]);
  return rows
    .filter((row) =>
      can(viewer, 'export.download', { kind: 'export', negotiationId, recipientUserId: row.recipientUserId }),
    )
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      format: row.format,
      recipient: recipientOf(members, row.recipientUserId) ?? {
        userId: row.recipientUserId,
        displayName: 'Former member',
      },
      isFingerprinted: row.isFingerprinted,
      contentHash: row.contentHash,
      fileName: fileNameOf(row),
      contentType: FILE_TYPES[row.format].contentType,
      downloadUrl: `/api/negotiations/${negotiationId}/exports/${row.id}/file`,
      createdAt: row.createdAt,
    }));
}
