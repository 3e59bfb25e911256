import { describe, expect, test } from 'vitest';
import { pointLabel } from './point-label';

const MERIDIAN =
  'Equitable allocation. The Parties share the Meridian River and its tributaries in equal measure.';

describe('pointLabel', () => {
  test('a point with a title is named by its number and title, however long', () => {
    const title = 'Water access, fishing rights and the upkeep of the weir shared by both banks';
    expect(pointLabel({ number: 3, title, text: MERIDIAN })).toBe(`3. ${title}`);
  });

  // A plan pasted as plain text has no separate title: "1. Untitled" or a bare "1." named nothing.
  test('a point without a title is named by the start of its text, cut after a word', () => {
    expect(pointLabel({ number: 1, title: '', text: MERIDIAN })).toBe(
      '1. Equitable allocation. The Parties share the Meridian River…',
    );
  });

  test('a short text is given whole, without an ellipsis', () => {
    expect(pointLabel({ number: 2, title: ' ', text: 'Fishing is free.' })).toBe('2. Fishing is free.');
  });

  test('a point whose text is not known yet is its number', () => {
    expect(pointLabel({ number: 4, title: '' })).toBe('4.');
  });
});
