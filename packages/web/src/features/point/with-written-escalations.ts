import type { Escalation } from '@parley/core';
import { withWrittenBy } from './with-written';

/**
 * The point's escalations as last read, brought up to date with those this page has just written
 * (the server's answer to an escalation or a decision). A decision is recorded once, so a decided
 * escalation is never older than an undecided copy of it.
 */
export function withWrittenEscalations(
  read: readonly Escalation[],
  written: readonly Escalation[],
): Escalation[] {
  return withWrittenBy(read, written, {
    isSame: (left, right) => left.id === right.id,
    isNewer: (mine, entry) => entry.decision === null && mine.decision !== null,
  });
}
