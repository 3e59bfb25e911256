import { describe, expect, it } from 'vitest';
import { createEphemeralSealKey } from '../sealing/seal-key';
import { eventCursor } from './event-cursor';

const A = '00000000-0000-4000-8000-000000000d01';
const B = '00000000-0000-4000-8000-000000000d02';

describe('event cursors', () => {
  const cursor = eventCursor(createEphemeralSealKey());

  it('reads back the event number it was made from, for its own negotiation only', () => {
    for (const id of [0, 1, 2, 41, 2 ** 40, Number.MAX_SAFE_INTEGER])
      expect(cursor.decode(A, cursor.encode(A, id))).toBe(id);
    expect(cursor.decode(B, cursor.encode(A, 7))).toBeUndefined();
  });

  it('shows neither the number, nor the order, nor the gap between two events', () => {
    const ids = [1, 2, 3, 4].map((id) => cursor.encode(A, id));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // consecutive numbers give unrelated texts: no shared prefix beyond chance
    const shared = (left: string, right: string) => {
      let length = 0;
      while (length < left.length && left[length] === right[length]) length++;
      return length;
    };
    expect(
      Math.max(shared(ids[0]!, ids[1]!), shared(ids[1]!, ids[2]!), shared(ids[2]!, ids[3]!)),
    ).toBeLessThan(3);
  });

  it('reads an altered cursor, a plain number or another server key as no cursor', () => {
    const sent = cursor.encode(A, 12);
    const altered = `${sent.slice(0, 5)}${sent[5] === 'A' ? 'B' : 'A'}${sent.slice(6)}`;
    expect(cursor.decode(A, altered)).toBeUndefined();
    expect(cursor.decode(A, '12')).toBeUndefined();
    expect(cursor.decode(A, '')).toBeUndefined();
    expect(eventCursor(createEphemeralSealKey()).decode(A, sent)).toBeUndefined();
  });
});
