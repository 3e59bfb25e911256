import type { Escalation } from '@parley/core';

/**
 * The point's escalations as last read, brought up to date with those this page has just written
 * (the server's answer to an escalation or a decision). A read started before the write, or not
 * yet redone, would otherwise show the old state until the next one arrives; a decision is
 * recorded once, so a decided escalation is never older than an undecided copy of it.
 */
export function withWrittenEscalations(
  read: readonly Escalation[],
  written: readonly Escalation[],
): Escalation[] {
  const updated = read.map((escalation) => {
    const mine = written.find((entry) => entry.id === escalation.id);
    return mine !== undefined && escalation.decision === null && mine.decision !== null ? mine : escalation;
  });
  // Oldest first, as the server lists them: one just made comes last.
  const added = written.filter((entry) => !read.some((escalation) => escalation.id === entry.id));
  return [...updated, ...added];
}
