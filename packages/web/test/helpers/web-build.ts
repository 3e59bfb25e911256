import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Builds the web app if its sources are newer than dist/ (same script as `npm start`). */
export function ensureWebBuilt(): void {
  const script = path.resolve(import.meta.dirname, '../../scripts/ensure-built.mjs');
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web app failed');
}
