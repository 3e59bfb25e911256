// Runs every benchmark (bench/<area>/run.ts) one after another, so they do not compete for the
// two cores, and leaves each area's results under bench/results/.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const benchRoot = new URL('.', import.meta.url).pathname;
const only = process.argv.slice(2);
const areas = readdirSync(benchRoot, { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && entry.name !== 'results' && existsSync(join(benchRoot, entry.name, 'run.ts')),
  )
  .map((entry) => entry.name)
  .filter((area) => only.length === 0 || only.includes(area));

let failed = 0;
for (const area of areas) {
  console.log(`\n== bench/${area}`);
  const result = spawnSync(
    process.execPath,
    [join(benchRoot, '../packages/server/bin/run-ts.js'), join(benchRoot, area, 'run.ts')],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
