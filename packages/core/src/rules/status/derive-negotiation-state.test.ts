import { describe, expect, it } from 'vitest';
import {
  deriveNegotiationState,
  type ClosureRuleName,
  type PointStatusEntry,
} from './derive-negotiation-state';
import { pointId } from '../plan-fixture.test-data';
import { derivePointStatus, POINT_STATUSES, type PointStatus } from './derive-point-status';

function entry(number: number, status: PointStatus): PointStatusEntry {
  const reserving = status === 'agreed_ad_referendum' ? ['ua'] : [];
  return {
    pointId: pointId(`p${number}`),
    number,
    report: {
      status,
      missingPartyIds: status === 'open' ? ['ru'] : [],
      objectingPartyIds: status === 'contested' ? ['ru'] : [],
      amendingPartyIds: [],
      reservingPartyIds: reserving,
      reviewingPartyIds: [],
    },
  };
}

function* statusLists(size: number): Generator<PointStatus[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (const rest of statusLists(size - 1)) for (const status of POINT_STATUSES) yield [...rest, status];
}

const RULES: readonly ClosureRuleName[] = ['all-or-nothing', 'point-by-point'];

describe('deriveNegotiationState — every combination of statuses for up to 3 points', () => {
  const cases = [0, 1, 2, 3]
    .flatMap((size) => [...statusLists(size)])
    .flatMap((statuses) => RULES.map((closureRule) => ({ statuses, closureRule })));

  it('covers 1 + 6 + 36 + 216 status lists under both closure rules', () =>
    expect(cases).toHaveLength(259 * 2));

  it('follows the closure rule', () => {
    for (const { statuses, closureRule } of cases) {
      const report = deriveNegotiationState({
        closureRule,
        points: statuses.map((s, i) => entry(i + 1, s)),
        requiredPartyIds: ['ua', 'ru'],
      });
      const live = statuses.filter((s) => s !== 'dropped');
      const label = `${closureRule}: ${statuses.join(',')}`;
      const allAgreed = live.length > 0 && live.every((s) => s === 'agreed');
      const allSettled = live.length > 0 && live.every((s) => s === 'agreed' || s === 'agreed_ad_referendum');
      expect(report.state === 'agreed', label).toBe(allAgreed);
      expect(report.state === 'agreed_ad_referendum', label).toBe(allSettled && !allAgreed);
      expect(report.state === 'partially_agreed', label).toBe(
        closureRule === 'point-by-point' && !allSettled && live.includes('agreed'),
      );
      // nothing is agreed until everything is agreed: no point binds before the whole does
      if (closureRule === 'all-or-nothing' && report.state !== 'agreed')
        expect(report.bindingPointIds, label).toEqual([]);
      const agreedIds = statuses.flatMap((s, i) => (s === 'agreed' ? [`p${i + 1}`] : []));
      const settledIds = statuses.flatMap((s, i) =>
        s === 'agreed' || s === 'agreed_ad_referendum' ? [`p${i + 1}`] : [],
      );
      if (closureRule === 'point-by-point' || report.state === 'agreed')
        expect(report.bindingPointIds, label).toEqual(agreedIds);
      expect([...report.bindingPointIds, ...report.provisionalPointIds].sort(), label).toEqual(
        settledIds.sort(),
      );
      expect(
        report.blocking.map((b) => b.pointId),
        label,
      ).toEqual(statuses.flatMap((s, i) => (s !== 'agreed' && s !== 'dropped' ? [`p${i + 1}`] : [])));
      expect(
        Object.values(report.counts).reduce((a, b) => a + b, 0),
        label,
      ).toBe(statuses.length);
    }
  });
});

describe('deriveNegotiationState — the mediator view', () => {
  it('names blocking points with who is missing or objecting, and the required parties still missing', () => {
    const required = ['ua', 'ru'];
    const point = (
      number: number,
      positions: { partyId: string; value: 'accept' | 'accept_with_reservation' | 'reject' | 'red_line' }[],
      escalated = false,
    ) => ({
      pointId: pointId(`p${number}`),
      number,
      report: derivePointStatus({
        requiredPartyIds: required,
        positions,
        escalations: escalated ? [{ decision: null }] : [],
        dropped: false,
      }),
    });
    const report = deriveNegotiationState({
      closureRule: 'all-or-nothing',
      requiredPartyIds: required,
      points: [
        point(1, [
          { partyId: 'ua', value: 'accept' },
          { partyId: 'ru', value: 'accept' },
        ]),
        point(2, [{ partyId: 'ua', value: 'accept' }]),
        point(3, [
          { partyId: 'ua', value: 'red_line' },
          { partyId: 'ru', value: 'accept' },
        ]),
        point(4, [
          { partyId: 'ua', value: 'accept_with_reservation' },
          { partyId: 'ru', value: 'accept' },
        ]),
        point(5, [], true),
      ],
    });
    expect(report.state).toBe('open');
    expect(report.provisionalPointIds).toEqual(['p1', 'p4']);
    expect(report.blocking).toEqual([
      { pointId: 'p2', number: 2, status: 'open', missingPartyIds: ['ru'], objectingPartyIds: [] },
      { pointId: 'p3', number: 3, status: 'contested', missingPartyIds: [], objectingPartyIds: ['ua'] },
      {
        pointId: 'p4',
        number: 4,
        status: 'agreed_ad_referendum',
        missingPartyIds: ['ua'],
        objectingPartyIds: [],
      },
      {
        pointId: 'p5',
        number: 5,
        status: 'deferred_to_leaders',
        missingPartyIds: ['ua', 'ru'],
        objectingPartyIds: [],
      },
    ]);
    expect(report.missingPartyIds).toEqual(['ua', 'ru']);
  });

  it('calls an empty or all-dropped plan open', () => {
    expect(
      deriveNegotiationState({
        closureRule: 'point-by-point',
        points: [entry(1, 'dropped')],
        requiredPartyIds: [],
      }).state,
    ).toBe('open');
  });
});
