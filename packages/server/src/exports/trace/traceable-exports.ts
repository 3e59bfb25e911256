import type { FingerprintPoint, TraceableExport } from '@parley/core';
import type { Database } from '../../storage/database';
import { listExports, type StoredExport } from '../../storage/exports';
import { listPlanVersions } from '../../storage/plan-versions';
import { versionBlocks } from '../material/material';

/** A recorded export as tracing reads it: everything but the delivered bytes. */
type ExportWithoutBytes = Omit<StoredExport, 'content'>;

/**
 * Every fingerprinted export (of one negotiation, or all) with the blocks its marks sit in.
 * Rows from before migration 0041 stored no blocks: they are whole plan versions, rebuilt here.
 */
export async function listTraceableExports(
  db: Database,
  negotiationId?: string,
): Promise<{ recorded: ExportWithoutBytes; traceable: TraceableExport }[]> {
  const rows = (await listExports(db, negotiationId)).filter((row) => row.fingerprintKey !== null);
  const versionsOf = new Map<string, Map<string, readonly FingerprintPoint[]>>();
  const legacyPoints = async (row: ExportWithoutBytes): Promise<readonly FingerprintPoint[]> => {
    if (!versionsOf.has(row.negotiationId)) {
      versionsOf.set(
        row.negotiationId,
        new Map(
          (await listPlanVersions(db, row.negotiationId)).map((entry) => [
            entry.version.id,
            versionBlocks(entry.version),
          ]),
        ),
      );
    }
    return versionsOf.get(row.negotiationId)?.get(row.versionId ?? '') ?? [];
  };
  const out: { recorded: ExportWithoutBytes; traceable: TraceableExport }[] = [];
  for (const row of rows)
    out.push({
      recorded: row,
      traceable: {
        recipientId: row.id,
        holderId: row.recipientUserId,
        key: row.fingerprintKey ?? '',
        scheme: row.markScheme,
        points: row.points ?? (await legacyPoints(row)),
      },
    });
  return out;
}
