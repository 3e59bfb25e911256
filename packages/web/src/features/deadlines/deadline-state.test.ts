import { describe, expect, test } from 'vitest';
import { deadlineState } from './deadline-state';

const now = new Date('2026-01-10T12:00:00Z');
const future = { dueAt: '2026-01-20T12:00:00Z' };
const past = { dueAt: '2026-01-01T12:00:00Z' };

describe('deadlineState', () => {
  test('met once every point is agreed or dropped, before or after the time', () => {
    const points = [{ status: 'agreed' }, { status: 'dropped' }];
    expect(deadlineState(future, points, now).kind).toBe('met');
    expect(deadlineState(past, points, now)).toMatchObject({
      kind: 'met',
      detail: 'It has passed; every point of the latest version is agreed now.',
    });
  });

  test('missed when it passed with points open, naming how many', () => {
    const state = deadlineState(past, [{ status: 'agreed' }, { status: 'objected' }], now);
    expect(state).toMatchObject({
      kind: 'missed',
      detail: 'It has passed; 1 point of the latest version is still open now.',
    });
  });

  test('open while the time has not come, even for a plan with no points yet', () => {
    expect(deadlineState(future, [{ status: 'open' }, { status: 'objected' }], now)).toMatchObject({
      kind: 'open',
      detail: '2 points of the latest version still open.',
    });
    expect(deadlineState(future, [], now).kind).toBe('open');
  });
});
