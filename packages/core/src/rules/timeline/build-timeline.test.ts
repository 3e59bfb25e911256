import { describe, expect, it } from 'vitest';
import { EscalationSchema } from '../../schemas/plan-positions';
import { RoundSchema, StatementSchema } from '../../schemas/plan-rounds';
import { applyOperations } from '../lineage/apply-operations';
import { NEGOTIATION_ID, parseOperations, planVersion, pointId, versionId } from '../plan-fixture.test-data';
import { buildTimeline, pointsOpenBefore } from './build-timeline';

const draft = planVersion({
  id: 'v1',
  parentId: null,
  label: 'Draft',
  points: [1, 2].map((n) => ({ pointId: `p${n}`, number: n, title: '', text: `T${n}.`, topic: null })),
});
const next = applyOperations({
  parent: draft,
  child: { id: versionId('v2'), label: 'Geneva text' },
  operations: parseOperations([{ kind: 'amend', pointId: 'p2', text: 'New.' }]),
});
if (!next.ok) throw new Error('setup');
const versions = [
  { version: draft, edges: [], createdAt: '2025-11-20T12:00:00.000Z' },
  { ...next.value, edges: [...next.value.edges], createdAt: '2025-11-24T12:00:00.000Z' },
];
const round = RoundSchema.parse({
  id: 'r1',
  negotiationId: NEGOTIATION_ID,
  name: 'Geneva round',
  place: 'Geneva',
  startsOn: '2025-11-23',
  endsOn: '2025-11-24',
  format: 'bilateral',
  partiesPresent: [],
  fromVersionId: 'v1',
  producedVersionId: 'v2',
  minutes: null,
  publicReadout: null,
});
const statement = StatementSchema.parse({
  id: 's1',
  negotiationId: NEGOTIATION_ID,
  person: 'Envoy',
  partyId: '00000000-0000-4000-8000-00000000e001',
  date: '2025-11-21',
  source: 'public reporting',
  quote: 'Said p1 matters.',
  pointIds: ['p1'],
});
const escalation = EscalationSchema.parse({
  id: 'e1',
  negotiationId: NEGOTIATION_ID,
  pointId: 'p2',
  principals: ['Leaders'],
  question: 'Q?',
  dueDate: '2025-11-27',
  decision: { outcome: 'agreed', note: '', decidedAt: '2025-12-02T10:00:00.000Z' },
});
// Still with the leaders: its due date is on the timeline.
const pending = EscalationSchema.parse({
  id: 'e2',
  negotiationId: NEGOTIATION_ID,
  pointId: 'p1',
  principals: ['Leaders'],
  question: 'Still open?',
  dueDate: '2025-11-27',
  decision: null,
});

describe('buildTimeline', () => {
  it('orders versions, rounds, statements, due dates and decisions by date', () => {
    const entries = buildTimeline({
      versions,
      rounds: [round],
      statements: [statement],
      escalations: [escalation, pending],
    });
    expect(entries.map((e) => `${e.date.slice(0, 10)} ${e.kind}`)).toEqual([
      '2025-11-20 version',
      '2025-11-21 statement',
      '2025-11-23 round',
      '2025-11-24 version',
      '2025-11-27 escalation-due',
      '2025-12-02 decision',
    ]);
  });

  it('titles a round without a blank place and a decision by its question, its outcome a value', () => {
    const entries = buildTimeline({
      versions: [],
      rounds: [round, { ...round, id: RoundSchema.shape.id.parse('r2'), name: 'Call', place: ' ' }],
      statements: [],
      escalations: [escalation, pending],
    });
    expect(entries.map((e) => [e.kind, e.title, e.outcome])).toEqual([
      ['round', 'Geneva round (Geneva)', undefined],
      ['round', 'Call', undefined],
      ['escalation-due', 'Due to Leaders: Still open?', undefined],
      ['decision', 'Q?', 'agreed'],
    ]);
  });

  it('shows a decided escalation by its decision, no longer by the date it was due', () => {
    const entries = buildTimeline({ versions: [], rounds: [], statements: [], escalations: [escalation] });
    expect(entries.map((e) => [e.kind, e.refId])).toEqual([['decision', 'e1']]);
    const undecided = buildTimeline({
      versions: [],
      rounds: [],
      statements: [],
      escalations: [{ ...escalation, decision: null }],
    });
    expect(undecided.map((e) => [e.date, e.kind])).toEqual([['2025-11-27', 'escalation-due']]);
  });

  it('keeps only what concerns one point', () => {
    expect(
      buildTimeline({
        versions,
        rounds: [round],
        statements: [statement],
        escalations: [escalation],
        pointId: pointId('p1'),
      }).map((e) => e.kind),
    ).toEqual(['version', 'statement']);
    expect(
      buildTimeline({
        versions,
        rounds: [round],
        statements: [statement],
        escalations: [escalation],
        pointId: pointId('p2'),
      }).map((e) => e.kind),
    ).toEqual(['version', 'version', 'decision']);
  });
});

describe('pointsOpenBefore', () => {
  const points = [
    { id: 'a', status: 'agreed' },
    { id: 'b', status: 'open' },
    { id: 'c', status: 'deferred_to_leaders' },
    { id: 'd', status: 'dropped' },
  ];
  it('lists the points not yet agreed before a future deadline, and none after it passed', () => {
    expect(pointsOpenBefore({ points, dueAt: '2025-11-27T04:59:00Z', now: '2025-11-25T00:00:00Z' })).toEqual({
      isPast: false,
      open: [points[1], points[2]],
    });
    expect(pointsOpenBefore({ points, dueAt: '2025-11-27T04:59:00Z', now: '2025-11-28T00:00:00Z' })).toEqual({
      isPast: true,
      open: [],
    });
  });
});
