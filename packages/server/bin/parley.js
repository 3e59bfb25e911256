#!/usr/bin/env node
// The `parley` bin runs the CLI compiled to JavaScript by build-cli.js (at `npm install`), so no
// transpiler sits on the start-up path. It never runs stale code: when a source file that went
// into the build changed (size or mtime), it rebuilds first; if it cannot build (no esbuild, a
// read-only install), it runs the TypeScript sources through tsx and says so on stderr.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER = fileURLToPath(new URL('..', import.meta.url));

/** The current build's entry when every source it was made from is unchanged, else undefined. */
function freshBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(SERVER, 'dist/cli.json'), 'utf8'));
  } catch {
    return undefined;
  }
  for (const [input, [mtimeMs, size]] of Object.entries(manifest.inputs)) {
    const info = statSync(join(SERVER, input), { throwIfNoEntry: false });
    if (info === undefined || info.mtimeMs !== mtimeMs || info.size !== size) return undefined;
  }
  return join(SERVER, 'dist', manifest.entry);
}

async function rebuilt() {
  try {
    const { buildCli } = await import('./build-cli.js');
    return await buildCli();
  } catch (error) {
    console.error(`parley: could not compile the CLI (${error.message}); running the sources through tsx`);
    return undefined;
  }
}

process.setSourceMapsEnabled(true);
const entry = freshBuild() ?? (await rebuilt());
let runCli;
if (entry !== undefined) ({ runCli } = await import(pathToFileURL(entry).href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
