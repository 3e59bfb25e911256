import type { AuditEntry } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { foldRepeatedReads } from './repeated-reads';

let next = 0;
const entry = (overrides: Partial<Record<keyof AuditEntry, unknown>>): AuditEntry =>
  ({
    id: `e${(next += 1)}`,
    at: `2026-12-01T10:${String(60 - next).padStart(2, '0')}:00.000Z`,
    actorId: 'sam',
    action: 'position.list',
    subjectType: 'position',
    subjectId: null,
    detail: { pointId: 'p7' },
    redacted: false,
    ip: '192.0.2.1',
    ...overrides,
  }) as unknown as AuditEntry;

describe('foldRepeatedReads', () => {
  it('folds a run of identical reads under the newest, keeping every entry', () => {
    const reads = [entry({}), entry({}), entry({}), entry({})];
    const folded = foldRepeatedReads(reads);
    expect(folded).toHaveLength(1);
    expect(folded[0]?.entry).toBe(reads[0]);
    expect(folded[0]?.repeats).toEqual(reads.slice(1));
  });

  it('never folds changes, reads of other material or by others, or reads a change separates', () => {
    const entries = [
      entry({ action: 'position.record' }),
      entry({ action: 'position.record' }),
      entry({}),
      entry({ detail: { pointId: 'p8' } }),
      entry({ actorId: 'ann' }),
      entry({ ip: '192.0.2.9' }),
      entry({}),
      entry({ action: 'position.record' }),
      entry({}),
    ];
    expect(foldRepeatedReads(entries).map((group) => group.repeats.length)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });
});
