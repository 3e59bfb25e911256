import {
  PlanVersionIdSchema,
  PointIdSchema,
  PositionIdSchema,
  type NegotiationId,
  type PartyId,
  type PlanStatus,
  type Position,
} from '@parley/core';
import { describe, expect, test } from 'vitest';
import { pointReasons } from './point-reasons';

const UA = '11111111-1111-4111-8111-111111111111' as PartyId;
const RU = '22222222-2222-4222-8222-222222222222' as PartyId;
const POINT = PointIdSchema.parse('33333333-3333-4333-8333-333333333333');
const names: Record<string, string> = { [UA]: 'Ukraine', [RU]: 'Russia' };

const status = (change: Partial<PlanStatus['points'][number]>): PlanStatus['points'][number] => ({
  pointId: POINT,
  number: 1,
  title: 'Territory',
  status: 'open',
  missingPartyIds: [],
  objectingPartyIds: [],
  amendingPartyIds: [],
  reservingPartyIds: [],
  reviewingPartyIds: [],
  ...change,
});
const position = (partyId: PartyId, value: Position['value']): Position => ({
  id: PositionIdSchema.parse('44444444-4444-4444-8444-444444444444'),
  negotiationId: '55555555-5555-4555-8555-555555555555' as NegotiationId,
  partyId,
  versionId: PlanVersionIdSchema.parse('66666666-6666-4666-8666-666666666666'),
  pointId: POINT,
  value,
  note: '',
  visibility: 'parties',
  needsReview: false,
  revision: 1,
  recordedAt: '2026-01-01T00:00:00.000Z',
});
const reasons = (point: PlanStatus['points'][number], positions: Position[], readable = () => true) =>
  pointReasons({ status: point, positions, nameOf: (id) => names[id] ?? '?', readable });

describe('pointReasons', () => {
  test('names the objecting party with its stance and who is awaited', () => {
    expect(
      reasons(status({ status: 'contested', objectingPartyIds: [RU], missingPartyIds: [UA] }), [
        position(RU, 'red_line'),
      ]),
    ).toEqual(['Russia: red line', 'awaiting Ukraine']);
  });

  test('an ad-referendum point says who reserved', () => {
    expect(reasons(status({ status: 'agreed_ad_referendum', reservingPartyIds: [RU] }), [])).toEqual([
      'reserved by Russia',
    ]);
  });

  test('a party whose positions the viewer may never read is not awaited', () => {
    expect(reasons(status({ missingPartyIds: [UA, RU] }), [], () => false)).toEqual([
      'positions of Ukraine, Russia not visible to you',
    ]);
  });

  test('a party whose position awaits review is asked to review it, not awaited', () => {
    expect(reasons(status({ missingPartyIds: [UA, RU], reviewingPartyIds: [RU] }), [])).toEqual([
      'Russia to review its position',
      'awaiting Ukraine',
    ]);
    expect(reasons(status({ missingPartyIds: [UA, RU], reviewingPartyIds: [UA, RU] }), [])).toEqual([
      'Ukraine, Russia to review their positions',
    ]);
  });

  test('a deferred point awaits the leaders', () => {
    expect(reasons(status({ status: 'deferred_to_leaders' }), [])).toEqual([
      "awaiting the leaders' decision",
    ]);
  });

  test('a stance the viewer was not sent is never named', () => {
    expect(reasons(status({ status: 'contested', objectingPartyIds: [RU] }), [])).toEqual([]);
  });
});
