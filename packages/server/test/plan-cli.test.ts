import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_NEGOTIATION, loadDemo } from '../src/demo';
import { openDatabase } from '../src/storage/database';
import { listPlanEventsAfter } from '../src/storage/plan-events';
import { runCli } from './helpers/run-cli';

const run = (args: string[]) => runCli(...args);

describe('parley plan import / plan diff', () => {
  let dir: string;
  const stored = () => ['--negotiation', DEMO_NEGOTIATION.id, '--data', join(dir, 'data')];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-plan-cli-'));
    const handle = await openDatabase({ dataDir: join(dir, 'data') });
    await loadDemo(handle.db);
    await handle.close();
    await writeFile(
      join(dir, 'a.md'),
      '## Ceasefire\n1. Stop firing now.\n2. Monitors deploy.\n3. Elections within 100 days.\n',
    );
    await writeFile(
      join(dir, 'b.md'),
      '## Ceasefire\n1. Stop firing once monitors deploy.\n2. Monitors deploy.\n',
    );
    await writeFile(join(dir, 'bad.md'), 'Preamble\n1. One.\n1. Again.\n');
  }, 60_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('checks a file and reports malformed numbering with file and line', async () => {
    expect((await run(['plan', 'import', join(dir, 'a.md')])).out).toContain('3 points');
    const bad = await run(['plan', 'import', join(dir, 'bad.md')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.md:line 3: point 1 appears twice (first on line 2)');
  });

  it('redlines two files point by point', async () => {
    const result = await run(['plan', 'diff', join(dir, 'a.md'), join(dir, 'b.md')]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('1 unchanged, 1 amended, 1 dropped');
    expect(result.out).toContain('Stop firing [-now-]{+once monitors deploy+}.');
  });

  it('redlines stored versions by revision number, as a given account', async () => {
    const result = await run(['plan', 'diff', '1', '2', ...stored(), '--as', DEMO_ACCOUNTS.russia.email]);
    expect(result.err).toBe('');
    expect(result.out).toContain('28-point draft (28 points) → Geneva text — 19 points (19 points)');
    expect(result.out).toContain(
      '7+8 → 6  MERGED  Alliance membership and foreign forces [deferred to leaders]',
    );
  });

  it('imports a file as a new version for the mediator and refuses an outsider', async () => {
    const imported = await run([
      'plan',
      'import',
      join(dir, 'a.md'),
      ...stored(),
      '--as',
      DEMO_ACCOUNTS.mediator.email,
      '--label',
      'CLI draft',
    ]);
    expect(imported.err).toBe('');
    expect(imported.out).toMatch(
      /imported 3 points as "CLI draft" \(version [0-9a-f-]{36}, plan revision 4\)/,
    );
    // Its event reached the log before the command closed the database: a server on the same
    // PostgreSQL relays it, and a stream that reconnects replays it.
    const versionId = /version ([0-9a-f-]{36})/.exec(imported.out)?.[1];
    const handle = await openDatabase({ dataDir: join(dir, 'data') });
    try {
      const events = await listPlanEventsAfter<{ type: string }>(handle.db, {
        afterId: 0,
        negotiationId: DEMO_NEGOTIATION.id,
        limit: 1_000,
      });
      expect(events.map(({ event }) => event)).toContainEqual(
        expect.objectContaining({ type: 'version.created', versionId }),
      );
    } finally {
      await handle.close();
    }
    const outsider = await run([
      'plan',
      'import',
      join(dir, 'a.md'),
      ...stored(),
      '--as',
      DEMO_ACCOUNTS.outsider.email,
    ]);
    expect(outsider.code).toBe(1);
    expect(outsider.err).toContain(
      `no negotiation ${DEMO_NEGOTIATION.id} visible to ${DEMO_ACCOUNTS.outsider.email}`,
    );
  });
});
