import type { SealKey } from '../sealing/seal-key';
import { resealAll, type ResealReport } from '../storage/reseal';
import { commitChange, type ChangeDeps } from './commit-change';

/** How many values a report re-sealed. */
export const resealedCount = (report: ResealReport): number =>
  report.bids + report.profiles + report.simulationParts;

/**
 * Re-seals every stored value not sealed under the current key (after `parley seal rotate-key`, or
 * at start-up after the key was changed in the environment). Re-sealing opens every sealed value,
 * so it is on the record like any other read of sealed material: one instance entry in the
 * tamper-evident audit chain by the system — which key, which retired keys, how many values of
 * each kind, never a value or a negotiation's count.
 */
export async function resealStoredValues(
  deps: ChangeDeps & { sealKey: SealKey },
  occasion: 'rotation' | 'start-up',
): Promise<ResealReport> {
  return commitChange(deps, {
    actor: { userId: null },
    write: (tx) => resealAll(tx, deps.sealKey),
    audit: (report) =>
      resealedCount(report) === 0
        ? []
        : {
            action: 'seal.reseal',
            subjectType: 'seal-key',
            subjectId: deps.sealKey.id,
            negotiationId: null,
            detail: {
              occasion,
              bids: report.bids,
              profiles: report.profiles,
              simulationParts: report.simulationParts,
              fromKeys: report.fromKeys,
              failures: report.failures.length,
            },
          },
  });
}
