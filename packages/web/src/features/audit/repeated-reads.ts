import type { AuditEntry } from '@parley/core';

/** An entry and the identical reads just before it (newest first), shown folded under it. */
export type EntryWithRepeats = { readonly entry: AuditEntry; readonly repeats: readonly AuditEntry[] };

const isRead = (action: string) => action.endsWith('.read') || action.endsWith('.list');

const sameRead = (a: AuditEntry, b: AuditEntry) =>
  a.actorId === b.actorId &&
  a.action === b.action &&
  a.subjectType === b.subjectType &&
  a.subjectId === b.subjectId &&
  a.redacted === b.redacted &&
  a.ip === b.ip &&
  JSON.stringify(a.detail) === JSON.stringify(b.detail);

/**
 * Folds runs of identical reads (one person reading the same material again: every page refresh
 * and live update is logged) under their newest, so a page of the log is not twenty lines of
 * one reader. Nothing is dropped: each folded entry is still listed, and can be verified, on demand.
 * Changes are never folded; neither are reads that differ in anything but their time.
 */
export function foldRepeatedReads(entries: readonly AuditEntry[]): EntryWithRepeats[] {
  const folded: { entry: AuditEntry; repeats: AuditEntry[] }[] = [];
  for (const entry of entries) {
    const last = folded.at(-1);
    if (last !== undefined && isRead(entry.action) && sameRead(last.entry, entry)) last.repeats.push(entry);
    else folded.push({ entry, repeats: [] });
  }
  return folded;
}
