import {
  compareVersions,
  deriveNegotiationState,
  derivePointStatus,
  formatRedline,
  PlanVersionIdSchema,
  type Redline,
} from '@parley/core';
import { describe, expect, it } from 'vitest';
import {
  buildDemoPlanVersions,
  DEMO_AMENDMENTS,
  DEMO_ESCALATIONS,
  DEMO_POSITIONS,
  DEMO_STATEMENTS,
} from './plan-data';

const versions = buildDemoPlanVersions();
const deferred = Object.fromEntries(
  DEMO_ESCALATIONS.map((escalation) => [escalation.pointKey, ['deferred to leaders']]),
);

function redline(fromId: string, toId: string): Redline {
  const result = compareVersions(versions, {
    fromId: PlanVersionIdSchema.parse(fromId),
    toId: PlanVersionIdSchema.parse(toId),
    labels: deferred,
  });
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.value;
}

describe('demo plan data', () => {
  it('builds a 28-point draft, a 19-point Geneva text and a 20-point Florida text', () => {
    expect(versions.map((entry) => [entry.version.label, entry.version.points.length])).toEqual([
      ['28-point draft', 28],
      ['Geneva text — 19 points', 19],
      ['Florida text — 20 points', 20],
    ]);
  });

  it('reads draft → Geneva as 28 → 19: which points merged, were dropped, watered down or set aside', () => {
    const result = redline('draft-28', 'geneva-19');
    expect([result.from.points, result.to.points]).toEqual([28, 19]);
    const merged = result.rows
      .filter((row) => row.kind === 'merged')
      .map((row) => [row.from.map((p) => p.number), row.to.map((p) => p.number)]);
    expect(merged).toEqual([
      [[2, 16, 22], [2]],
      [[3, 4], [3]],
      [[7, 8], [6]],
      [[12, 14], [9]],
      [[17, 18], [12]],
    ]);
    expect(result.rows.filter((row) => row.kind === 'dropped').map((row) => row.from[0]?.title)).toEqual([
      'European aircraft in Poland',
      'Education and tolerance',
      'Amnesty',
    ]);
    expect(result.counts.amended).toBe(7);
    const setAside = result.rows
      .filter((row) => row.labels.includes('deferred to leaders'))
      .map((row) => row.to[0]?.title);
    expect(setAside).toEqual([
      'Alliance membership and foreign forces',
      'Russia reintegrated into the world economy',
      'Territorial arrangements',
    ]);
    const forces = result.rows.find((row) => row.from[0]?.pointId === 'p06');
    expect(
      forces?.text.filter((part) => part.op !== 'equal').map((part) => `${part.op} ${part.text.trim()}`),
    ).toEqual(['delete 600', 'insert 800', 'insert in peacetime']);
    const text = formatRedline(result);
    expect(text).toContain('28-point draft (28 points) → Geneva text — 19 points (19 points)');
    expect(text).toContain('1 unchanged, 6 renumbered, 7 amended, 5 merged, 3 dropped');
    expect(text).toContain('7+8 → 6  MERGED  Alliance membership and foreign forces [deferred to leaders]');
  });

  it('composes draft → Florida across the Geneva text', () => {
    const result = redline('draft-28', 'florida-20');
    const reconstruction = result.rows.find((row) => row.from.some((p) => p.pointId === 'p12'));
    expect(reconstruction?.kind).toBe('restructured');
    expect(reconstruction?.to.map((p) => p.pointId)).toEqual(['g-reconstruction', 'f-assets']);
  });

  it('refers only to points that exist in the version each record is attached to', () => {
    // The records name points by their demo keys: compared as plain strings.
    const pointsOf = (versionId: string) =>
      new Set<string>(
        versions.find((entry) => entry.version.id === versionId)?.version.points.map((p) => p.pointId),
      );
    for (const position of DEMO_POSITIONS)
      expect(pointsOf(position.version).has(position.pointKey), position.pointKey).toBe(true);
    for (const amendment of DEMO_AMENDMENTS)
      expect(pointsOf(amendment.version).has(amendment.pointKey), amendment.key).toBe(true);
    for (const escalation of DEMO_ESCALATIONS)
      expect(pointsOf('geneva-19').has(escalation.pointKey)).toBe(true);
    const everyPoint = new Set<string>(
      versions.flatMap((entry) => entry.version.points.map((p) => p.pointId)),
    );
    for (const statement of DEMO_STATEMENTS)
      for (const key of statement.pointKeys) expect(everyPoint.has(key), key).toBe(true);
  });

  it('gives the mediator a status picture in which nothing is agreed yet under all-or-nothing', () => {
    const geneva = versions[1]?.version;
    const points = (geneva?.points ?? []).map((point) => ({
      pointId: point.pointId,
      number: point.number,
      report: derivePointStatus({
        requiredPartyIds: ['ukraine', 'russia'],
        positions: DEMO_POSITIONS.filter(
          (p) => p.pointKey === point.pointId && p.visibility !== 'private',
        ).map((p) => ({ partyId: p.party, value: p.value })),
        escalations: DEMO_ESCALATIONS.filter((e) => e.pointKey === point.pointId).map(() => ({
          decision: null,
        })),
        dropped: false,
      }),
    }));
    const state = deriveNegotiationState({
      closureRule: 'all-or-nothing',
      points,
      requiredPartyIds: ['ukraine', 'russia'],
    });
    expect(state.state).toBe('open');
    expect(state.counts).toMatchObject({ agreed: 2, deferred_to_leaders: 3, contested: 1 });
    expect(state.bindingPointIds).toEqual([]);
    // Ukraine's red lines on the deferred points are private, so the mediator sees Ukraine as missing there
    expect(state.missingPartyIds).toEqual(['ukraine', 'russia']);
    expect(state.blocking.find((b) => b.pointId === 'p21')?.missingPartyIds).toEqual(['ukraine']);
  });
});
