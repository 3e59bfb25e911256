import { describe, expect, it } from 'vitest';
import { startJobQueue } from '../src/jobs/job-queue';
import { openDatabase } from '../src/storage/database';
import { DATABASE_KINDS, openTestDatabase } from './helpers/each-database';

// Issue #15: `parley serve --workers 2` starts its workers together, and pg-boss's create_queue
// deadlocked against itself: PostgreSQL aborted one start, which then did not find the queue the
// other had not yet committed, and that worker failed with "deadlock detected".

describe.runIf(DATABASE_KINDS.includes('postgres'))('job queues starting together', () => {
  it('all start on a fresh database, where each must create the queue or find it made', async () => {
    for (let round = 0; round < 3; round += 1) {
      const fresh = await openTestDatabase('postgres');
      const url = fresh.url ?? '';
      const handles = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url })));
      try {
        const started = await Promise.allSettled(
          handles.map((handle) => startJobQueue(handle, { databaseUrl: url })),
        );
        expect(started.map((result) => result.status)).toEqual(Array(4).fill('fulfilled'));
        for (const result of started) if (result.status === 'fulfilled') await result.value.stop();
      } finally {
        for (const handle of handles) await handle.close();
        await fresh.close();
      }
    }
  }, 180_000);
});
