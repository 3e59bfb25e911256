import type { TraceResult } from '@parley/core';
import { candidateId, type RecordedExport } from './export-registry';

/** Who a ranked or named copy went to: its export, its recipient's id and display name apart. */
type Holder = { readonly exportId: string; readonly recipientId: string; readonly recipient: string };

/**
 * `parley trace-leak --json`: the trace with each candidate named by export, recipient id and
 * display name in separate fields. The trace itself names candidates by one display string
 * ("Russia (export 3f…)"), which a script cannot match against user ids. A registry file's export
 * without a holder id has only its recipient's name to go by, and that is its id.
 */
export function traceReport(result: TraceResult, exports: readonly RecordedExport[]) {
  const byCandidate = new Map(
    exports.map((recorded): [string, Holder] => [
      candidateId(recorded),
      {
        exportId: recorded.exportId,
        recipientId: recorded.holder ?? recorded.recipient,
        recipient: recorded.recipient,
      },
    ]),
  );
  const holderOf = (candidate: string): Holder =>
    byCandidate.get(candidate) ?? { exportId: candidate, recipientId: candidate, recipient: candidate };
  const { verdict } = result;
  return {
    verdict:
      verdict.kind === 'identified'
        ? { kind: verdict.kind, ...holderOf(verdict.recipientId), basis: verdict.basis }
        : verdict,
    marksRead: result.marksRead,
    choicesRead: result.choicesRead,
    ranking: result.ranking.map(({ recipientId, ...score }) => ({ ...holderOf(recipientId), ...score })),
  };
}
