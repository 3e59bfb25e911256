import { describe, expect, it } from 'vitest';
import { hashAuditEntry, makeAuditSalt, type HashedFields } from './hash-entry';

// A position narrowed to private: the kind of entry a proof path shows the leaf of to a party
// that may not see it.
const fields: HashedFields = {
  seq: 7,
  at: new Date(Date.UTC(2025, 10, 20, 9, 30, 15, 123)),
  actorId: '00000000-0000-4000-8000-000000000001',
  action: 'position.set',
  subjectType: 'position',
  subjectId: 'position-1',
  negotiationId: '00000000-0000-4000-8000-00000000eeee',
  detail: { visibility: 'private', revision: 7 },
  ip: '203.0.113.9',
  prevHash: 'ab'.repeat(32),
  salt: null,
};

describe('hashing an audit entry', () => {
  it('hashes an unsalted entry exactly as before salts existed, so logs written then still verify', () => {
    // Computed by the hashing of the release before migration 0270.
    expect(hashAuditEntry(fields)).toBe('6d3dab8ed56da25c1fbeae9067bcebc0c58b3f61f172e84c9ac41cd686cd1d0d');
  });

  it('gives the same fields under two salts two unrelated hashes', () => {
    const first = hashAuditEntry({ ...fields, salt: makeAuditSalt() });
    const second = hashAuditEntry({ ...fields, salt: makeAuditSalt() });
    expect(first).not.toBe(second);
    expect([first, second]).not.toContain(hashAuditEntry(fields));
  });

  it('makes 128-bit salts, none repeated', () => {
    const salts = Array.from({ length: 1000 }, makeAuditSalt);
    expect(salts.every((salt) => /^[0-9a-f]{32}$/.test(salt))).toBe(true);
    expect(new Set(salts).size).toBe(salts.length);
  });
});
