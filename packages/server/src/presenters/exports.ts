import type { ExportRecord, ExportResult, TraceLeakResponse } from '@parley/core';

// Field by field, like every presenter: the fingerprint key, the canonical blocks and the bytes of
// a stored copy live on the same row and must never reach a client; naming what goes out keeps it so.

const presentRecipient = (recipient: ExportResult['recipient']): ExportResult['recipient'] => ({
  userId: recipient.userId,
  displayName: recipient.displayName,
});

export const presentExport = (copy: ExportResult): ExportResult => ({
  id: copy.id,
  kind: copy.kind,
  format: copy.format,
  recipient: presentRecipient(copy.recipient),
  isFingerprinted: copy.isFingerprinted,
  contentHash: copy.contentHash,
  fileName: copy.fileName,
  contentType: copy.contentType,
  downloadUrl: copy.downloadUrl,
  ...(copy.markdown === undefined ? {} : { markdown: copy.markdown }),
});

export const presentExportRecord = (copy: ExportRecord): ExportRecord => ({
  id: copy.id,
  kind: copy.kind,
  format: copy.format,
  recipient: presentRecipient(copy.recipient),
  isFingerprinted: copy.isFingerprinted,
  contentHash: copy.contentHash,
  fileName: copy.fileName,
  contentType: copy.contentType,
  downloadUrl: copy.downloadUrl,
  createdAt: copy.createdAt,
  subject: copy.subject,
});

/** The verdict and ranking only: the marks compared stay on the server. */
export const presentTraceResult = (result: TraceLeakResponse): TraceLeakResponse => ({
  verdict:
    result.verdict.kind === 'identified'
      ? {
          kind: 'identified',
          exportId: result.verdict.exportId,
          recipient: presentRecipient(result.verdict.recipient),
          basis: result.verdict.basis,
        }
      : { kind: 'undecided', reason: result.verdict.reason },
  marksRead: result.marksRead,
  choicesRead: result.choicesRead,
  ranking: result.ranking.map((score) => ({
    exportId: score.exportId,
    recipient: presentRecipient(score.recipient),
    logLikelihoodRatio: score.logLikelihoodRatio,
    posterior: score.posterior,
    matched: score.matched,
    mismatched: score.mismatched,
  })),
});
