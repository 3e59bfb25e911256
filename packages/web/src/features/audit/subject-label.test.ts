import type { AuditEntry, AuditLabel } from '@parley/core';
import { describe, expect, it } from 'vitest';
import { describeDetail, type Names } from './describe-entry';
import { labelPath, listedSubjects, subjectLabel } from './subject-label';

const POSITION = '00000000-0000-4000-8000-00000000a3f2c1';
const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 'f'.repeat(64),
  at: '2025-12-03T10:00:00.000Z',
  actorId: null,
  action: 'position.set',
  subjectType: 'position',
  subjectId: null,
  detail: {},
  redacted: false,
  labels: {},
  ip: null,
  ...fields,
});
const names: Names = {
  parties: [{ id: 'p-ua', name: 'Ukraine' }] as unknown as Names['parties'],
  members: [],
};
const onPoint: AuditLabel = {
  text: 'Ukraine’s position on point 12 · Security guarantees',
  opens: { page: 'point', pointId: 'point-12', versionId: 'v3' } as AuditLabel['opens'],
};

describe('subjectLabel', () => {
  it("says what the server named, and drops the detail's ids it already says in words", () => {
    const set = entry({
      subjectId: POSITION,
      detail: { partyId: 'p-ua', versionId: 'v3', pointId: 'point-12', visibility: 'private' },
      labels: { [POSITION]: onPoint },
    });
    expect(subjectLabel(set, names)).toEqual(onPoint);
    expect(describeDetail(set, names)).toEqual(['Party: Ukraine', 'Visibility: private']);
  });

  it('never shows an id tail: an unlabelled subject is a word, a withheld one says so', () => {
    const unlabelled = subjectLabel(entry({ subjectType: 'deadline', subjectId: POSITION }), names);
    expect(unlabelled).toEqual({ text: 'a deadline', opens: null });
    const withheld = subjectLabel(entry({ subjectType: 'record', redacted: true }), names);
    expect(withheld).toEqual({ text: 'a record you may not open', opens: null });
    expect(subjectLabel(entry({ subjectType: 'party', subjectId: 'p-ua' }), names)?.text).toBe('Ukraine');
  });

  it('names the ids of a list one by one, and an unlabelled one neutrally', () => {
    const list = entry({
      action: 'record.list',
      subjectType: 'record',
      detail: { recordIds: ['r-1', 'r-2'] },
      labels: { 'r-1': { text: 'record ‘Transcript, 3 Dec’ (public)', opens: null } },
      redacted: true,
    });
    expect(subjectLabel(list, names)).toBeUndefined();
    expect(listedSubjects(list)).toEqual([
      {
        count: '2 records',
        items: [
          { text: 'record ‘Transcript, 3 Dec’ (public)', opens: null },
          { text: 'a record', opens: null },
        ],
      },
    ]);
    expect(describeDetail(list, names)).toEqual([]);
  });
});

describe('describeDetail with labels', () => {
  it('names a point in the detail as the server labelled it', () => {
    const escalated = entry({
      action: 'escalation.create',
      subjectType: 'escalation',
      subjectId: 'e-1',
      detail: { pointId: 'point-4' },
      labels: { 'point-4': { text: 'point 4 · Amnesty', opens: null } },
    });
    expect(describeDetail(escalated, names)).toEqual(['Point: point 4 · Amnesty']);
    expect(subjectLabel(escalated, names)?.text).toBe('an escalation');
  });
});

describe('labelPath', () => {
  it('opens each target where the app shows it', () => {
    expect(labelPath('n 1', onPoint.opens ?? { page: 'exports' })).toBe(
      '/n/n%201/points/point-12?version=v3',
    );
    expect(labelPath('n1', { page: 'record', recordId: 'r1' } as never)).toBe('/n/n1/records#record-r1');
    expect(labelPath('n1', { page: 'round', roundId: 'g' } as never)).toBe('/n/n1/timeline#round-g');
    expect(labelPath('n1', { page: 'exports' })).toBe('/n/n1/exports');
  });
});
