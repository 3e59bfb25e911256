import type { PointHistoryEntryView } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { departureLine } from './history-departures';

// Plain strings for ids: the function reads none of their brands.
const entry = (overrides: Record<string, unknown>): PointHistoryEntryView =>
  ({
    versionId: 'v1',
    versionLabel: 'Geneva text',
    pointId: 'p3',
    revision: null,
    change: 'created',
    from: [],
    proposedBy: null,
    roundId: null,
    ...overrides,
  }) as unknown as PointHistoryEntryView;

describe('departureLine', () => {
  // A merge of 3 and 4 into 3: the history holds 3 and 4 as they read before, the merged 3, and
  // an entry for 4 leaving, which carries no text of its own.
  const history = [
    entry({ pointId: 'p3', revision: { number: 3, title: 'Heavy weapons', text: 'Withdraw them.' } }),
    entry({ pointId: 'p4', revision: { number: 4, title: '', text: 'Monitoring by the OSCE.' } }),
    entry({
      versionId: 'v2',
      versionLabel: 'Geneva text, merge',
      pointId: 'p3',
      change: 'merge',
      from: ['p3', 'p4'],
      revision: { number: 3, title: 'Heavy weapons', text: 'Withdraw them, monitored.' },
    }),
    entry({
      versionId: 'v2',
      versionLabel: 'Geneva text, merge',
      pointId: 'p4',
      change: 'merge',
      from: ['p4'],
    }),
  ] as PointHistoryEntryView[];

  it('names a point that left in a merge by its number and title as it last read', () => {
    expect(departureLine(history, 3)).toBe('4. Monitoring by the OSCE. — merged into this point');
  });

  it('says a point regrouped with others went into several points, not that it was merged', () => {
    const regrouped = [...history.slice(0, 3), entry({ ...history[3], change: 'restructure' })];
    expect(departureLine(regrouped, 3)).toBe(
      '4. Monitoring by the OSCE. — restructured: its clauses went into this point and others',
    );
  });

  it('says nothing of entries that carry their own text', () => {
    expect([0, 1, 2].map((index) => departureLine(history, index))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('names a titled point, and one it never saw read', () => {
    const dropped = [
      ...history.slice(0, 1),
      entry({ versionId: 'v2', pointId: 'p3', change: 'drop', from: ['p3'] }),
    ];
    expect(departureLine(dropped, 1)).toBe('3. Heavy weapons — dropped');
    expect(departureLine([entry({ change: 'split', from: ['p3'] })], 0)).toBe(
      'A point — split into this point and others',
    );
  });
});
