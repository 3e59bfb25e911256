import {
  ESCALATION_OUTCOMES,
  LINEAGE_KINDS,
  REDLINE_KINDS,
  ROUND_FORMATS,
  TIMELINE_KINDS,
} from '@parley/core';
import { describe, expect, test } from 'vitest';
import { historyLabel, labelOf } from './chips';

describe('labelOf', () => {
  // A value without its own label falls back to the raw enum text ("escalation-due"), which the
  // walk-through found on the timeline: every value shown in a chip or a select needs one.
  test.each([...ESCALATION_OUTCOMES, ...TIMELINE_KINDS, ...REDLINE_KINDS, ...ROUND_FORMATS])(
    '%s has a sentence-case label',
    (value) => {
      const label = labelOf(value);
      expect(label).toMatch(/^[A-Z][^_-]*$/);
      expect(label.slice(1)).toBe(label.slice(1).toLowerCase());
    },
  );

  test('decision outcomes and a due decision read as words', () => {
    expect(ESCALATION_OUTCOMES.map(labelOf)).toEqual(['Agreed', 'Amended', 'Dropped', 'No agreement']);
    expect(labelOf('escalation-due')).toBe('Leaders’ decision due');
  });
});

describe('historyLabel', () => {
  // A walk-through found a point's history reading "Amend" and "Drop the point" beside "keep".
  test.each([...LINEAGE_KINDS, 'created'])('%s reads as what the version did, in sentence case', (change) => {
    expect(historyLabel(change)).toMatch(/^[A-Z][a-z]+$/);
  });

  test('says what was done, not a stance or a proposal', () => {
    expect(['amend', 'drop', 'keep', 'renumber'].map(historyLabel)).toEqual([
      'Amended',
      'Dropped',
      'Kept',
      'Renumbered',
    ]);
  });
});
