import { describe, expect, it } from 'vitest';
import { newestRead } from './newest-read';

describe('newestRead', () => {
  it('prefers the read started last, whichever answered last', () => {
    const late = { readNumber: 3, value: 'started last' };
    expect(newestRead({ readNumber: 1, value: 'first' }, late, { readNumber: 2, value: 'slow' })).toBe(late);
  });

  it('keeps the first read while no other has answered', () => {
    const first = { readNumber: 4, value: 'page read' };
    expect(newestRead(first, undefined, { readNumber: 2, value: 'overtaken' })).toBe(first);
  });
});
