/* global console, process */
// Builds the web app when dist/ is missing or older than any source file, so `npm start`
// always serves the current UI. Plain Node (no TypeScript) because it runs before anything else.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const webDir = path.resolve(import.meta.dirname, '..');
const distDir = path.join(webDir, 'dist');
// The newest source mtime seen when the build STARTED: an edit made during a build still
// counts as newer, which comparing with dist's own mtime would miss.
const STAMP = '.source-mtime';

function newestMtime(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function newestSource() {
  const sources = ['src', 'index.html', 'vite.config.ts']
    .map((name) => path.join(webDir, name))
    .filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime));
}

export function needsBuild() {
  const stampFile = path.join(distDir, STAMP);
  if (!existsSync(path.join(distDir, 'index.html')) || !existsSync(stampFile)) return true;
  return newestSource() > Number(readFileSync(stampFile, 'utf8'));
}

export function ensureBuilt() {
  if (!needsBuild()) return;
  console.log('Building the web app (packages/web/dist)…');
  const sourceTime = newestSource();
  // Build beside dist/ and swap it in, so a server (or a parallel test run) never serves a half-written folder.
  const outDir = path.join(webDir, `dist-build-${process.pid}`);
  const viteBin = path.resolve(webDir, '../../node_modules/vite/bin/vite.js');
  // NODE_ENV=production: under a test runner NODE_ENV is "test", which would bundle React's development build.
  const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn', '--outDir', outDir], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`vite build failed (exit ${result.status})`);
  }
  writeFileSync(path.join(outDir, STAMP), String(sourceTime));
  rmSync(distDir, { recursive: true, force: true });
  try {
    renameSync(outDir, distDir);
  } catch (error) {
    // Another process built at the same time and swapped its dist/ in between (two test workers
    // starting together): theirs serves as well as ours when it is current.
    rmSync(outDir, { recursive: true, force: true });
    if (needsBuild()) throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureBuilt();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
