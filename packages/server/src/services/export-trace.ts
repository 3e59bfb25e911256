import { basename } from 'node:path';
import {
  can,
  DomainError,
  traceExports,
  type FingerprintPoint,
  type Negotiation,
  type TraceableExport,
  type LeakedFile,
  type TraceLeakResponse,
  type TraceResult,
  type UserId,
  type Viewer,
} from '@parley/core';
import { ExtractTextError, extractTextFromBytes } from '../exports/extract-text';
import { recordAudit } from '../audit';
import type { Database } from '../storage/database';
import { listExports, type StoredExport } from '../storage/exports';

/** A recorded export as tracing reads it: everything but the delivered bytes. */
type ExportWithoutBytes = Omit<StoredExport, 'content'>;
import { listMembers } from '../storage/members';
import { listPlanVersions } from '../storage/plan-versions';
import type { AppDeps } from './deps';
import { versionBlocks } from './export-material';
import { recipientOf, type Recipient } from './exports';

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
        key: row.fingerprintKey ?? '',
        points: row.points ?? (await legacyPoints(row)),
      },
    });
  return out;
}

/** What was leaked: pasted text, or a file whose text the server reads. */
export type LeakedExcerpt = { readonly text: string } | { readonly file: LeakedFile };

/** The text of an uploaded leak; a file that cannot be read is the caller's error, said plainly. */
async function leakedText(excerpt: LeakedExcerpt): Promise<string> {
  if ('text' in excerpt) return excerpt.text;
  const name = basename(excerpt.file.name);
  try {
    return await extractTextFromBytes(Buffer.from(excerpt.file.contentBase64, 'base64'), name);
  } catch (error) {
    if (error instanceof ExtractTextError)
      throw new DomainError('invalid-input', error.message, { field: 'file' });
    throw error;
  }
}

/** Ranks this negotiation's export recipients by how well the leaked text (pasted, or read from a file) matches their copy's fingerprint. */
export async function traceLeakInNegotiation(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; excerpt: LeakedExcerpt },
): Promise<TraceLeakResponse> {
  // Hidden like everything else the viewer may not see: the same 404 as a missing negotiation, and
  // before any upload is read, so nobody else learns anything from how a file is handled.
  if (!can(viewer, 'export.trace', { kind: 'negotiation', negotiationId: input.negotiation.id }))
    throw new DomainError('not-found', 'Negotiation not found.');
  const text = await leakedText(input.excerpt);
  const [exports, members] = await Promise.all([
    listTraceableExports(deps.db, input.negotiation.id),
    listMembers(deps.db, input.negotiation.id),
  ]);
  const result: TraceResult = traceExports({
    excerpt: text,
    exports: exports.map(({ traceable }) => traceable),
  });
  const byId = new Map(exports.map(({ recorded }) => [recorded.id, recorded]));
  const recipientFor = (exportId: string): Recipient => {
    const userId = byId.get(exportId)?.recipientUserId ?? '';
    return recipientOf(members, userId) ?? { userId: userId as UserId, displayName: 'Former member' };
  };
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      at: deps.clock.now(),
      actorId: viewer.userId,
      action: 'export.trace',
      subjectType: 'negotiation',
      subjectId: input.negotiation.id,
      negotiationId: input.negotiation.id,
      detail: {
        verdict: result.verdict.kind,
        identified: result.verdict.kind === 'identified' ? result.verdict.recipientId : null,
        marksRead: result.marksRead,
      },
    }),
  );
  return {
    verdict:
      result.verdict.kind === 'identified'
        ? {
            kind: 'identified',
            exportId: result.verdict.recipientId,
            recipient: recipientFor(result.verdict.recipientId),
          }
        : { kind: 'undecided', reason: result.verdict.reason },
    marksRead: result.marksRead,
    ranking: result.ranking.map((score) => ({
      exportId: score.recipientId,
      recipient: recipientFor(score.recipientId),
      logLikelihoodRatio: score.logLikelihoodRatio,
      posterior: score.posterior,
      matched: score.matched,
      mismatched: score.mismatched,
    })),
  };
}
