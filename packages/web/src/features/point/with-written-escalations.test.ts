import type { Escalation } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { withWrittenEscalations } from './with-written-escalations';

// Plain strings for ids: the function compares them and reads none of their brands.
const escalation = (id: string, decision: Escalation['decision'] = null): Escalation =>
  ({
    id,
    negotiationId: 'n1',
    pointId: 'p1',
    principals: ['Leaders'],
    question: 'Q?',
    dueDate: null,
    decision,
  }) as unknown as Escalation;
const agreed = { outcome: 'agreed', note: 'Done.', decidedAt: '2025-12-02T10:00:00.000Z' } as const;

describe('withWrittenEscalations', () => {
  it('shows a decision just recorded over the undecided escalation last read', () => {
    expect(withWrittenEscalations([escalation('e1'), escalation('e2')], [escalation('e2', agreed)])).toEqual([
      escalation('e1'),
      escalation('e2', agreed),
    ]);
  });

  it('adds an escalation just made, after those read', () => {
    expect(withWrittenEscalations([escalation('e1', agreed)], [escalation('e2')])).toEqual([
      escalation('e1', agreed),
      escalation('e2'),
    ]);
  });

  it('keeps what was read once it has caught up with the write', () => {
    const read = [escalation('e1', { ...agreed, note: 'As read.' })];
    expect(withWrittenEscalations(read, [escalation('e1')])).toEqual(read);
  });
});
