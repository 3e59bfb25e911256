import type { ResealReport } from '../storage/reseal';
import type { SealKey } from './seal-key';

/** What a re-seal did, for the server log and `parley seal`: counts, key ids and rows, never a value. */
export function describeReseal(report: ResealReport, key: SealKey): string {
  const total = report.bids + report.profiles + report.simulationParts;
  const lines = [
    total === 0
      ? report.failures.length === 0
        ? `Nothing was sealed under a retired key; every sealed value is under key ${key.id}.`
        : `Nothing was re-sealed under key ${key.id}.`
      : `Re-sealed ${total} values under key ${key.id} (from ${report.fromKeys.join(', ')}): ` +
        `${report.bids} blind bids, ${report.profiles} preference profile revisions, ` +
        `${report.simulationParts} parts of live simulation jobs.`,
  ];
  if (report.failures.length > 0) {
    lines.push(`${report.failures.length} sealed values could not be opened and were left as they are:`);
    for (const failure of report.failures)
      lines.push(`  ${failure.table} ${failure.row} (key ${failure.keyId ?? 'none'}): ${failure.reason}`);
  }
  return lines.join('\n');
}
