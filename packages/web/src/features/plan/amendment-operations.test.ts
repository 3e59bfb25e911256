import {
  AmendmentSchema,
  applyOperations,
  PlanVersionIdSchema,
  PlanVersionSchema,
  PointIdSchema,
  type Amendment,
  type NegotiationId,
  type PartyId,
  type PlanVersion,
} from '@parley/core';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { adoptable, operationFor } from './amendment-operations';

// The schema parses these, so they must be UUIDs.
const NEGOTIATION = '00000000-0000-4000-8000-0000000000a1' as NegotiationId;
const UKRAINE = '00000000-0000-4000-8000-0000000000a2' as PartyId;

const version: PlanVersion = PlanVersionSchema.parse({
  id: '11111111-1111-4111-8111-111111111111',
  negotiationId: NEGOTIATION,
  parentId: null,
  label: 'v1',
  points: [
    { pointId: 'a', number: 1, title: 'First', text: 'One.', topic: null },
    { pointId: 'b', number: 2, title: 'Second', text: 'Two.', topic: null },
  ],
});
/** The id operationFor gives a point it adds. */
const fresh = (slug: string) => () => PointIdSchema.parse(slug);

function amendment(
  proposal: z.input<typeof AmendmentSchema>['proposal'],
  pointId = 'a',
  fate: Amendment['fate'] = { state: 'open' },
): Amendment {
  return AmendmentSchema.parse({
    id: `am-${pointId}-${proposal.kind}`,
    negotiationId: NEGOTIATION,
    partyId: UKRAINE,
    versionId: version.id,
    pointId,
    proposal,
    rationale: '',
    fate,
    revision: 1,
  });
}

describe('operationFor', () => {
  test('replace_text becomes an amend carrying the amendment id and proposer', () => {
    const op = operationFor(amendment({ kind: 'replace_text', text: 'New one.' }), version, fresh('new'));
    expect(op).toEqual({
      kind: 'amend',
      pointId: 'a',
      text: 'New one.',
      amendmentId: 'am-a-replace_text',
      proposedBy: UKRAINE,
    });
  });

  test('drop, insert_after and merge_with map onto drop, add and merge', () => {
    expect(operationFor(amendment({ kind: 'drop' }, 'b'), version, fresh('x'))).toMatchObject({
      kind: 'drop',
      pointId: 'b',
    });
    expect(
      operationFor(amendment({ kind: 'insert_after', title: 'T', text: 'Three.' }), version, fresh('c')),
    ).toMatchObject({ kind: 'add', point: { pointId: 'c', title: 'T', text: 'Three.' }, after: 'a' });
    expect(
      operationFor(
        amendment({ kind: 'merge_with', pointIds: ['b'], text: 'One and two.' }),
        version,
        fresh('x'),
      ),
    ).toMatchObject({ kind: 'merge', pointIds: ['a', 'b'], into: { pointId: 'a', text: 'One and two.' } });
  });

  test('an amendment on a point no longer in the version yields nothing', () => {
    expect(operationFor(amendment({ kind: 'drop' }, 'gone'), version, fresh('x'))).toBeUndefined();
    expect(
      operationFor(amendment({ kind: 'merge_with', pointIds: ['gone'], text: 'x' }), version, fresh('x')),
    ).toBeUndefined();
  });

  test('the operations it builds are accepted by the core rules that make the next version', () => {
    const ops = [amendment({ kind: 'replace_text', text: 'New one.' }), amendment({ kind: 'drop' }, 'b')]
      .map((a) => operationFor(a, version, fresh('n1')))
      .filter((op) => op !== undefined);
    const result = applyOperations({
      parent: version,
      child: { id: PlanVersionIdSchema.parse('22222222-2222-4222-8222-222222222222'), label: 'v2' },
      operations: ops,
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.version.points.map((p) => p.text)).toEqual(['New one.']);
  });
});

describe('adoptable', () => {
  test('keeps open amendments whose point is still in the version', () => {
    const open = amendment({ kind: 'drop' }, 'a');
    const closed = amendment({ kind: 'drop' }, 'b', { state: 'withdrawn' });
    const elsewhere = amendment({ kind: 'drop' }, 'gone');
    expect(adoptable([open, closed, elsewhere], version)).toEqual([open]);
  });
});
