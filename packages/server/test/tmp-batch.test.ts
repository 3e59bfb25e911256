import { it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { openDatabase } from '../src/storage/database';
import { createTestApp } from './helpers/test-app';
import { seedDemo, signInAs } from './helpers/demo-fixture';
import { call } from './helpers/session';

const NEG = '00000000-0000-4000-8000-000000000d01';
it('batches', async () => {
  const handle = await openDatabase({ dataDir: `/tmp/load-batch-${process.pid}` });
  await seedDemo(handle.db);
  const counts = new Map<string, number>();
  const plugin: KyselyPlugin = {
    transformQuery: (args) => { const j = JSON.stringify(args.node); const t = /"name":"(\w+)"/.exec(j)?.[1] ?? 'raw'; const k = (args.node as { kind: string }).kind.replace('QueryNode','') + ' ' + t; counts.set(k, (counts.get(k) ?? 0) + 1); return args.node; },
    transformResult: async (args) => args.result,
  };
  const db = handle.db; void plugin;
  const testApp = createTestApp(db);
  const who = await Promise.all((['mediator', 'ownDelegation', 'otherParty', 'observer'] as const).map((k) => signInAs(testApp, k)));
  const plan = await (await call(testApp, `GET /api/negotiations/${NEG}/plan`, { as: who[0] })).json() as { versions: { id: string }[] };
  const v = plan.versions.at(-1)!.id;
  for (const route of ['', '/positions', '/status']) {
    counts.clear();
    const path = `/api/negotiations/${NEG}/plan/versions/${v}${route}`;
    let n = 0;
    const t0 = process.cpuUsage(); const w0 = performance.now();
    await Promise.all(Array.from({ length: 20 }, async (_, c) => { while (n < 600) { n++; await call(testApp, `GET ${path}`, { as: who[c % 4] }); } }));
    const cpu = process.cpuUsage(t0); 
    console.log(route || 'version', ((cpu.user + cpu.system) / 1000 / 600).toFixed(2), 'ms cpu/req', ((performance.now() - w0) / 600).toFixed(2), 'ms wall/req', JSON.stringify([...counts]));
  }
  await handle.close();
}, 600000);
