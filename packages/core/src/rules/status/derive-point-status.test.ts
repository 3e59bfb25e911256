import { describe, expect, it } from 'vitest';
import { POSITION_VALUES, type PositionValue } from '../../schemas/plan-positions';
import { derivePointStatus, type PointStatus, type PointStatusInput } from './derive-point-status';

type Stance = PositionValue | 'none';
const STANCES: readonly Stance[] = [...POSITION_VALUES, 'none'];
const ESCALATIONS = {
  none: [],
  open: [{ decision: null }],
  decided: [{ decision: { outcome: 'agreed' } }],
} as const;
type EscalationCase = keyof typeof ESCALATIONS;

function input(
  stances: readonly Stance[],
  options: { escalation?: EscalationCase; dropped?: boolean } = {},
): PointStatusInput {
  const parties = stances.map((_, i) => `party-${i + 1}`);
  return {
    requiredPartyIds: parties,
    positions: stances.flatMap((value, i) =>
      value === 'none' ? [] : [{ partyId: `party-${i + 1}`, value }],
    ),
    escalations: ESCALATIONS[options.escalation ?? 'none'],
    dropped: options.dropped ?? false,
  };
}

const status = (stances: readonly Stance[], options?: { escalation?: EscalationCase; dropped?: boolean }) =>
  derivePointStatus(input(stances, options)).status;

function* combinations(size: number): Generator<Stance[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (const rest of combinations(size - 1)) for (const stance of STANCES) yield [...rest, stance];
}

// The written truth table for two required parties (rows: party 1, columns: party 2), in the order
// accept, accept_with_reservation, amend, reject, red_line, undecided, (no visible position).
// AG agreed · AR agreed_ad_referendum · OP open · CO contested. Also in docs/plan.md.
const TWO_PARTY_TABLE = `
  AG AR OP CO CO OP OP
  AR AR OP CO CO OP OP
  OP OP OP CO CO OP OP
  CO CO CO CO CO CO CO
  CO CO CO CO CO CO CO
  OP OP OP CO CO OP OP
  OP OP OP CO CO OP OP`;
const CODES: Record<string, PointStatus> = {
  AG: 'agreed',
  AR: 'agreed_ad_referendum',
  OP: 'open',
  CO: 'contested',
};

describe('derivePointStatus — the two-party truth table', () => {
  const rows = TWO_PARTY_TABLE.trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const cases = STANCES.flatMap((first, i) =>
    STANCES.map((second, j) => [first, second, CODES[rows[i]?.[j] ?? '']] as const),
  );
  it('has a cell for every pair of stances', () =>
    expect(cases.filter(([, , expected]) => expected !== undefined)).toHaveLength(49));
  it.each(cases)('%s + %s → %s', (first, second, expected) => {
    expect(status([first, second])).toBe(expected);
    expect(status([first, second], { escalation: 'decided' })).toBe(expected);
    expect(status([first, second], { escalation: 'open' })).toBe('deferred_to_leaders');
    expect(status([first, second], { dropped: true, escalation: 'open' })).toBe('dropped');
  });
});

describe.each([2, 3])('derivePointStatus — every combination for %i required parties', (size) => {
  const all = [...combinations(size)];
  const cases = all.flatMap((stances) =>
    (['none', 'open', 'decided'] as const).flatMap((escalation) =>
      [false, true].map((dropped) => ({ stances, escalation, dropped })),
    ),
  );

  it('enumerates 7^n stances × 3 escalation states × dropped or not', () =>
    expect(cases).toHaveLength(7 ** size * 6));

  it('follows the precedence dropped > deferred > contested > agreed/ad referendum > open', () => {
    for (const { stances, escalation, dropped } of cases) {
      const got = status(stances, { escalation, dropped });
      const accepting = stances.every((s) => s === 'accept' || s === 'accept_with_reservation');
      const expected: PointStatus = dropped
        ? 'dropped'
        : escalation === 'open'
          ? 'deferred_to_leaders'
          : stances.some((s) => s === 'reject' || s === 'red_line')
            ? 'contested'
            : accepting && stances.includes('accept_with_reservation')
              ? 'agreed_ad_referendum'
              : accepting
                ? 'agreed'
                : 'open';
      expect(got, `${stances.join(',')} / escalation ${escalation} / dropped ${dropped}`).toBe(expected);
    }
  });

  it('does not depend on the order of parties or of positions', () => {
    for (const stances of all) {
      const reversed = [...stances].reverse();
      expect(status(reversed)).toBe(status(stances));
      const shuffled = input(stances);
      expect(derivePointStatus({ ...shuffled, positions: [...shuffled.positions].reverse() }).status).toBe(
        status(stances),
      );
    }
  });

  it('is monotone: one party moving to accept never makes a point worse, to reject always contests it', () => {
    const rank: Record<PointStatus, number> = {
      contested: 0,
      open: 1,
      agreed_ad_referendum: 2,
      agreed: 3,
      deferred_to_leaders: -1,
      dropped: -1,
    };
    for (const stances of all) {
      stances.forEach((_, i) => {
        const accepting = stances.map((s, j) => (j === i ? 'accept' : s));
        const rejecting = stances.map((s, j) => (j === i ? 'reject' : s));
        expect(rank[status(accepting)]).toBeGreaterThanOrEqual(rank[status(stances)]);
        expect(status(rejecting)).toBe('contested');
      });
    }
  });

  it('lists missing, objecting, amending and reserving parties exactly', () => {
    for (const stances of all) {
      const report = derivePointStatus(input(stances));
      const holders = (values: Stance[]) =>
        stances.flatMap((s, i) => (values.includes(s) ? [`party-${i + 1}`] : []));
      expect(report.missingPartyIds).toEqual(holders(['none', 'undecided']));
      expect(report.objectingPartyIds).toEqual(holders(['reject', 'red_line']));
      expect(report.amendingPartyIds).toEqual(holders(['amend']));
      expect(report.reservingPartyIds).toEqual(holders(['accept_with_reservation']));
    }
  });

  it('ignores positions of parties that are not required, and positions awaiting review', () => {
    for (const stances of all) {
      const base = input(stances);
      const withObserver = {
        ...base,
        positions: [...base.positions, { partyId: 'observer', value: 'red_line' as const }],
      };
      expect(derivePointStatus(withObserver).status).toBe(status(stances));
      const stale = { ...base, positions: base.positions.map((p) => ({ ...p, needsReview: true })) };
      expect(derivePointStatus(stale).status).toBe(status(stances.map(() => 'none')));
    }
  });
});

describe('derivePointStatus — edge cases', () => {
  it('keeps a point open when no party is required', () => {
    expect(
      derivePointStatus({
        requiredPartyIds: [],
        positions: [{ partyId: 'x', value: 'accept' }],
        escalations: [],
        dropped: false,
      }).status,
    ).toBe('open');
  });

  it('uses the last position given for a party and counts a required party named twice once', () => {
    const report = derivePointStatus({
      requiredPartyIds: ['a', 'a', 'b'],
      positions: [
        { partyId: 'a', value: 'reject' },
        { partyId: 'a', value: 'accept' },
        { partyId: 'b', value: 'accept' },
      ],
      escalations: [],
      dropped: false,
    });
    expect(report.status).toBe('agreed');
  });

  it('treats a reviewed position after a needs-review one as current', () => {
    const report = derivePointStatus({
      requiredPartyIds: ['a'],
      positions: [
        { partyId: 'a', value: 'accept', needsReview: true },
        { partyId: 'a', value: 'red_line' },
      ],
      escalations: [],
      dropped: false,
    });
    expect(report.status).toBe('contested');
    expect(report.reviewingPartyIds).toEqual([]);
  });

  // A walk-through read "awaiting FME" on a point whose red line FME held, flagged for review.
  it('names the required parties whose positions await review, among the missing', () => {
    const report = derivePointStatus({
      requiredPartyIds: ['a', 'b', 'c'],
      positions: [
        { partyId: 'a', value: 'red_line', needsReview: true },
        { partyId: 'b', value: 'accept' },
        { partyId: 'observer', value: 'accept', needsReview: true },
      ],
      escalations: [],
      dropped: false,
    });
    expect(report.status).toBe('open');
    expect(report.missingPartyIds).toEqual(['a', 'c']);
    expect(report.reviewingPartyIds).toEqual(['a']);
  });
});
