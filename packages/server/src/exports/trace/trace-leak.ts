import { basename } from 'node:path';
import {
  can,
  DomainError,
  PLAN_TEXT_MAX_LENGTH,
  type Negotiation,
  type LeakedFile,
  type TraceLeakResponse,
  type TraceResult,
  type Viewer,
  type ExportId,
} from '@parley/core';
import { commitChange } from '../../services/commit-change';
import type { AppDeps } from '../../services/deps';
import { listMembers } from '../../storage/members';
import { ExtractTextError, extractTextFromBytes } from '../extract/extract-text';
import { copyAccess } from '../copy-access';
import { recipientOf, type Recipient } from '../recipients';
import { listTraceableExports } from './traceable-exports';

/** What was leaked: pasted text, or a file whose text the server reads. */
export type LeakedExcerpt = { readonly text: string } | { readonly file: LeakedFile };

/**
 * The most text a leaked file may hold: twice the longest plan a version may be made from, so any
 * copy Parley issues fits, while a small file that unpacks to megabytes is not traced on the event loop.
 */
export const MAX_LEAKED_FILE_TEXT = 2 * PLAN_TEXT_MAX_LENGTH;

/** The text of an uploaded leak; a file that cannot be read is the caller's error, said plainly. */
async function leakedText(excerpt: LeakedExcerpt): Promise<string> {
  if ('text' in excerpt) return excerpt.text;
  const name = basename(excerpt.file.name);
  let text: string;
  try {
    text = await extractTextFromBytes(Buffer.from(excerpt.file.contentBase64, 'base64'), name);
  } catch (error) {
    if (error instanceof ExtractTextError)
      throw new DomainError('invalid-input', error.message, { field: 'file' });
    throw error;
  }
  if (text.length > MAX_LEAKED_FILE_TEXT)
    throw new DomainError(
      'invalid-input',
      `The file's text is ${text.length} characters long; a trace reads at most ${MAX_LEAKED_FILE_TEXT}. Paste the leaked passage instead.`,
      { field: 'file' },
    );
  return text;
}

/** The export format a leaked file's name says it is in, when it says one. */
function leakedFormatOf(excerpt: LeakedExcerpt): string | undefined {
  if ('text' in excerpt) return undefined;
  const extension = excerpt.file.name.toLowerCase().split('.').pop();
  return extension === 'md' ? 'markdown' : extension;
}

/**
 * A recipient's copies share their key, so the copies of one text fit a leak exactly alike: of
 * those tied with the one the trace named, the copy in the leaked file's format, if there is one.
 */
function copyInLeakedFormat(
  result: TraceResult,
  named: string,
  input: {
    copyOf: (copyId: string) => { recipientUserId: string; format: string } | undefined;
    leakedFormat: string | undefined;
  },
): string {
  const best = result.ranking.find((score) => score.recipientId === named);
  if (best === undefined || input.leakedFormat === undefined) return named;
  const holder = input.copyOf(named)?.recipientUserId;
  const inFormat = result.ranking.find((score) => {
    const copy = input.copyOf(score.recipientId);
    return (
      copy?.recipientUserId === holder &&
      copy?.format === input.leakedFormat &&
      Math.abs(score.logLikelihoodRatio - best.logLikelihoodRatio) <= 1e-9
    );
  });
  return inFormat?.recipientId ?? named;
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
  const [traceable, members] = await Promise.all([
    listTraceableExports(deps.db, input.negotiation.id),
    listMembers(deps.db, input.negotiation.id),
  ]);
  // A copy the tracer may not fetch (a delegation's copy of its own internal note) is not a
  // candidate: naming it would say it exists, and a match would confirm a guess at its text.
  const mayFetch = await copyAccess(deps, viewer, {
    negotiationId: input.negotiation.id,
    copies: traceable.map(({ recorded }) => recorded),
  });
  const exports = traceable.filter(({ recorded }) => mayFetch(recorded));
  // In a pool thread within a time budget (422 when spent, 503 when the pool is full), as exports are laid out.
  const result: TraceResult = await deps.engine.run(
    { kind: 'trace-leak', excerpt: text, exports: exports.map(({ traceable }) => traceable) },
    { timeoutMs: deps.budgets.traceTimeMs },
  );
  // The trace names candidates by the plain ids it was given; the export's own (branded) id comes from here.
  const byId = new Map<string, (typeof exports)[number]['recorded']>(
    exports.map(({ recorded }) => [recorded.id, recorded]),
  );
  const identified =
    result.verdict.kind === 'identified'
      ? copyInLeakedFormat(result, result.verdict.recipientId, {
          copyOf: (id) => byId.get(id),
          leakedFormat: leakedFormatOf(input.excerpt),
        })
      : null;
  const exportNamed = (traceId: string): { exportId: ExportId; recipient: Recipient } => {
    const recorded = byId.get(traceId);
    // The trace ranks only the exports it was given, so every id it names is in byId.
    if (recorded === undefined) throw new Error(`trace named an unknown export ${traceId}`);
    const userId = recorded.recipientUserId;
    return {
      exportId: recorded.id,
      recipient: recipientOf(members, userId) ?? { userId, displayName: 'Former member' },
    };
  };
  await commitChange(deps, {
    actor: viewer,
    audit: {
      action: 'export.trace',
      subjectType: 'negotiation',
      subjectId: input.negotiation.id,
      negotiationId: input.negotiation.id,
      detail: {
        verdict: result.verdict.kind,
        identified,
        marksRead: result.marksRead,
      },
    },
  });
  return {
    verdict:
      result.verdict.kind === 'identified'
        ? {
            kind: 'identified',
            ...exportNamed(identified ?? result.verdict.recipientId),
            basis: result.verdict.basis,
          }
        : { kind: 'undecided', reason: result.verdict.reason },
    marksRead: result.marksRead,
    choicesRead: result.choicesRead,
    ranking: result.ranking.map((score) => ({
      ...exportNamed(score.recipientId),
      logLikelihoodRatio: score.logLikelihoodRatio,
      posterior: score.posterior,
      matched: score.matched,
      mismatched: score.mismatched,
    })),
  };
}
