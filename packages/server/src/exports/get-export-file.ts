import { DomainError, type Negotiation, type Viewer, type ExportId } from '@parley/core';
import { commitChange } from '../services/commit-change';
import { copyAccess } from './copy-access';
import type { AppDeps } from '../services/deps';
import { findExport, type StoredExport } from '../storage/exports';
import { listPlanVersions } from '../storage/plan-versions';
import { renderText } from './document/export-document';
import { versionBlocks } from './material/material';
import { renderMarkdown } from './render/render-markdown';
import { FILE_TYPES } from './render/file-types';
import { fileNameOf, versionNumbersFor } from './recipients';

// Rows from before migration 0041 hold no bytes: they are Markdown plan versions in the 0040 layout.
async function legacyBytes(deps: AppDeps, recorded: StoredExport): Promise<Buffer> {
  const version = (await listPlanVersions(deps.db, recorded.negotiationId)).find(
    (entry) => entry.version.id === recorded.versionId,
  )?.version;
  if (version === undefined || recorded.fingerprintKey === null)
    throw new DomainError('not-found', 'Export not found.');
  // The 0040 layout is Markdown's: "# label", then one paragraph per point.
  const document = {
    title: version.label,
    subtitle: [],
    sections: [{ heading: null, blocks: versionBlocks(version) }],
    isFingerprinted: true,
  };
  return Buffer.from(
    renderMarkdown(renderText(document, recorded.fingerprintKey, recorded.markScheme)),
    'utf8',
  );
}

/** The bytes of a copy, for whoever `copyAccess` lets fetch it; to anyone else it does not exist. */
export async function getExportFile(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; exportId: ExportId },
): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const recorded = await findExport(deps.db, {
    negotiationId: input.negotiation.id,
    exportId: input.exportId,
  });
  const mayFetch =
    recorded !== undefined &&
    (await copyAccess(deps, viewer, { negotiationId: input.negotiation.id, copies: [recorded] }))(recorded);
  if (recorded === undefined || !mayFetch) throw new DomainError('not-found', 'Export not found.');
  const bytes = recorded.content ?? (await legacyBytes(deps, recorded));
  if (recorded.fingerprintKey !== null) {
    // A marked copy is restricted material: fetching it is audited like any restricted read.
    await commitChange(deps, {
      actor: viewer,
      audit: {
        action: 'export.download',
        subjectType: 'export',
        subjectId: recorded.id,
        negotiationId: input.negotiation.id,
        detail: {
          exportId: recorded.id,
          recipientUserId: recorded.recipientUserId,
          contentHash: recorded.contentHash,
        },
      },
    });
  }
  const versionNumbers = await versionNumbersFor(deps.db, {
    negotiationId: input.negotiation.id,
    copies: [recorded],
  });
  return {
    bytes,
    contentType: FILE_TYPES[recorded.format].contentType,
    fileName: fileNameOf(recorded, versionNumbers),
  };
}
