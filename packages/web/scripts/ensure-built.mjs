/* global console, process */
// Builds the web app when dist/ is missing or older than any source file, so `npm start`
// always serves the current UI. Plain Node (no TypeScript) because it runs before anything else.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/**
 * Brotli and gzip copies beside each script and style sheet, made once per build at the highest
 * levels: `parley serve` sends them to browsers that accept them (the app's 1.1 MB of script is
 * about a quarter of that compressed, on a phone's connection the difference is seconds).
 */
function precompress(assetsDir) {
  if (!existsSync(assetsDir)) return;
  for (const name of readdirSync(assetsDir)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const file = path.join(assetsDir, name);
    const content = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
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
  precompress(path.join(outDir, 'assets'));
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
