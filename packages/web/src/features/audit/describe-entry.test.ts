import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@parley/core';
import { describeAction, describeDetail, describeSubject, type Names } from './describe-entry';

const entryWith = (detail: Record<string, unknown>) =>
  ({ subjectId: null, detail, labels: {} }) as unknown as AuditEntry;

describe('describeAction', () => {
  it('says what an export was a copy of', () => {
    expect(describeAction('export.create', { kind: 'round-minutes' })).toBe(
      'exported round minutes for a recipient',
    );
    expect(describeAction('export.create', { kind: 'negotiation-summary' })).toBe(
      'exported the negotiation summary for a recipient',
    );
    expect(describeAction('export.create', {})).toBe('exported a copy for a recipient');
  });

  it('names every action the server writes in words, and spells out one it does not know', () => {
    expect(describeAction('export.download')).toBe('downloaded an exported copy');
    expect(describeAction('live-simulation.create')).toBe('started a simulation of the talks');
    expect(describeAction('invitation.revoke')).toBe('withdrew an invitation');
    expect(describeAction('something.new-here')).toBe('something new here');
  });
});

describe('describeDetail', () => {
  it('names the delegations whose profiles an analysis read', () => {
    const parties = [
      { id: 'p-ua', name: 'Ukraine' },
      { id: 'p-ru', name: 'Russian Federation' },
    ] as unknown as Names['parties'];
    const entry = entryWith({ countedPartyIds: ['p-ua'] });
    expect(describeDetail(entry, { parties, members: [] })).toEqual(['Profiles read: Ukraine']);
  });
});

describe('describeDetail of seats', () => {
  const members = [
    { id: 's-old', userId: 'u-old', displayName: 'Former head of delegation' },
    { id: 's-new', userId: 'u-new', displayName: 'New head of delegation' },
    { id: 's-delegate', userId: 'u-delegate', displayName: 'A delegate' },
  ] as unknown as Names['members'];
  const names = { parties: [], members };

  it('names the seats a hand-over ended and the new lead, and says when in words', () => {
    const entry = entryWith({ ended: ['s-old'], lead: 's-new', validFrom: '2027-01-15T09:00:00.000Z' });
    expect(describeDetail(entry, names)).toEqual([
      'Seats it ends: Former head of delegation',
      'Lead: New head of delegation',
      'Valid from: 2027-01-15 09:00 UTC',
    ]);
  });

  it('names the seat an accepted invitation gave', () => {
    const entry = entryWith({ memberId: 's-delegate' });
    expect(describeDetail(entry, names)).toEqual(['Member: A delegate']);
  });
});

describe('describeSubject', () => {
  it("names what an entry is about in words, not the log's table names", () => {
    expect(describeSubject('plan_point')).toBe('point');
    expect(describeSubject('preference_profile')).toBe('preference profile');
    expect(describeSubject('api-token')).toBe('api token');
  });
});
