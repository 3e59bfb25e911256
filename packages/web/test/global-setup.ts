// Browser suites need Debian's Chromium. When it is missing, install it where we may (root with
// apt-get, as .ci/run does), otherwise stop the whole run at once with one line saying how:
// a launcher error in every browser suite, minutes later, explains nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './helpers/chromium-path';
import { ensureWebBuilt } from './helpers/web-build';

function tryInstall(): void {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || process.env.PARLEY_CHROMIUM) return;
  console.log('Chromium is missing: installing Debian’s chromium package for the browser tests…');
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore' });
  if (!existsSync(CHROMIUM)) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore' });
  }
}

export default function setUpBrowserSuites(): void {
  // Built here, once, before the workers start: two browser suites starting together would each
  // build, and one would swap dist/ out from under the other's running server.
  ensureWebBuilt();
  ensureChromium();
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  tryInstall();
  if (existsSync(CHROMIUM)) return;
  throw new Error(
    `Chromium not found at ${CHROMIUM}: install it (Debian/Ubuntu: apt-get install chromium) ` +
      'or set PARLEY_CHROMIUM to a Chromium binary; the browser tests need it.',
  );
}
