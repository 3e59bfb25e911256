import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NEGOTIATION } from '../src/demo';
import type { DatabaseHandle } from '../src/storage/database';
import { listAdmittedRecords, type RecordHead } from '../src/storage/records';
import { seedDemo } from './helpers/demo-fixture';
import { API_DATABASE_KINDS, openTestDatabase } from './helpers/each-database';

describe.each(API_DATABASE_KINDS)('records admitted by the policy on %s', (databaseKind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(databaseKind);
    await seedDemo(handle.db);
  });
  afterAll(async () => handle.close());

  it('judges each record without its text, and reads the text of admitted ones only', async () => {
    const all = await listAdmittedRecords(handle.db, DEMO_NEGOTIATION.id, () => true);
    expect(all.length).toBeGreaterThan(2);
    expect(all.every((record) => record.body.length > 0)).toBe(true);
    const judged: RecordHead[] = [];
    // Admit the public ones: the demo holds restricted records beside them.
    const admitted = await listAdmittedRecords(handle.db, DEMO_NEGOTIATION.id, (head) => {
      judged.push(head);
      return head.classification === 'public';
    });
    // A hidden record's text is never read, so its size cannot show in how long a search takes.
    expect(judged.filter((head) => 'body' in head)).toEqual([]);
    expect(judged.map((head) => head.id)).toEqual(all.map((record) => record.id));
    expect(admitted).toEqual(all.filter((record) => record.classification === 'public'));
    expect(admitted.length).toBeGreaterThan(0);
    expect(admitted.length).toBeLessThan(all.length);
  });
});
