import { describe, expect, it } from 'vitest';
import { embedPlainText } from './embed';
import { POINTS, recipientKeys } from './fixture.test-data';
import { traceExports } from './trace-exports';

// The same wording under other block ids, as in a point-history export of the same text.
const HISTORY = POINTS.slice(3, 6).map((point) => ({ ...point, id: `${point.id}@history` }));
const [first, second, third] = recipientKeys(3);

describe('tracing across copies of different material', () => {
  it('names the recipient of a history copy even though a plan copy shares its wording', () => {
    if (first === undefined || second === undefined || third === undefined) throw new Error('fixture');
    const exports = [
      { recipientId: 'plan-1', key: first.key, points: POINTS },
      { recipientId: 'plan-2', key: second.key, points: POINTS },
      { recipientId: 'history-3', key: third.key, points: HISTORY },
    ];
    const excerpt = embedPlainText(HISTORY, { key: third.key }).replace(/\s+/g, ' ');
    expect(traceExports({ excerpt, exports }).verdict).toEqual({
      kind: 'identified',
      recipientId: 'history-3',
      basis: 'single-copy',
    });
    const fromPlan = embedPlainText(POINTS.slice(3, 6), { key: second.key });
    expect(traceExports({ excerpt: fromPlan, exports }).verdict).toEqual({
      kind: 'identified',
      recipientId: 'plan-2',
      basis: 'single-copy',
    });
  });

  it('stays undecided on text that carries no marks', () => {
    const exports = recipientKeys(2).map(({ recipientId, key }) => ({ recipientId, key, points: POINTS }));
    expect(traceExports({ excerpt: 'Nothing from the plan at all.', exports }).verdict.kind).toBe(
      'undecided',
    );
  });

  it("names a holder whose copies share the leak's marks, where each copy alone would be a toss-up", () => {
    const [holder, other] = recipientKeys(2);
    if (holder === undefined || other === undefined) throw new Error('fixture');
    // A recipient's Markdown and PDF copies of one text, and of its history, all with one key.
    const exports = [
      { recipientId: 'markdown', holderId: 'ukraine', key: holder.key, points: POINTS },
      { recipientId: 'pdf', holderId: 'ukraine', key: holder.key, points: POINTS },
      { recipientId: 'history', holderId: 'ukraine', key: holder.key, points: HISTORY },
      { recipientId: 'russia', holderId: 'russia', key: other.key, points: POINTS },
    ];
    const excerpt = embedPlainText(POINTS.slice(3, 6), { key: holder.key });
    const result = traceExports({ excerpt, exports });
    expect(result.verdict.kind).toBe('identified');
    expect(['markdown', 'pdf', 'history']).toContain(
      result.verdict.kind === 'identified' ? result.verdict.recipientId : '',
    );
    // Each copy alone shares the holder's evidence: without the holder they split it.
    const anonymous = exports.map(({ holderId: _holder, ...copy }) => copy);
    expect(traceExports({ excerpt, exports: anonymous }).verdict.kind).toBe('undecided');
  });
});
