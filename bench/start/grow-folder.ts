// Grows a PGlite data folder to about N MB with what a long negotiation leaves behind: a chained
// audit log (reads of restricted material are logged one entry each, so it is the table that grows).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { recordAudits } from '../../packages/server/src/audit/record-audit';
import { openDatabase } from '../../packages/server/src/storage/database';

const NEGOTIATION = '00000000-0000-4000-8000-000000000d01';
const BATCH = 2_000;

export function folderMegabytes(folder: string): number {
  let bytes = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else bytes += statSync(child).size;
    }
  };
  walk(folder);
  return bytes / 1024 / 1024;
}

export async function growDataFolder(folder: string, megabytes: number): Promise<void> {
  const handle = await openDatabase({ dataDir: folder });
  try {
    let round = 0;
    while (folderMegabytes(folder) < megabytes) {
      const entries = Array.from({ length: BATCH }, (_, index) => ({
        actorId: null,
        action: 'record.read',
        subjectType: 'record',
        subjectId: `record-${round}-${index}`,
        negotiationId: NEGOTIATION,
        detail: { note: 'x'.repeat(300), round, index },
        ip: '127.0.0.1',
      }));
      await handle.db.transaction().execute((tx) => recordAudits(tx, entries));
      round++;
    }
  } finally {
    await handle.close();
  }
}
