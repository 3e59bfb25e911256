#!/usr/bin/env node
// Compiles the `parley` CLI (TypeScript in packages/*/src) into plain JavaScript with esbuild, so
// the bin starts without a run-time transpiler. Runs at `npm install` (the root `prepare` script)
// and again from bin/parley.js whenever a source file changed since the last build.
//
// Output: dist/cli-<id>/ (an ES module entry `parley.js`, one chunk per lazily loaded command,
// linked source maps) and dist/cli.json, which names the current build and records the size and
// mtime of every source file that went into it. Each build gets its own folder and cli.json is
// replaced atomically, so processes that build at the same moment (parallel tests) never read a
// half-written build, and a running server keeps the chunks it may still load lazily.
import { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const SERVER = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(SERVER, 'dist');
/** Old builds are removed an hour after they stop being current (a running process may use them). */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/** npm packages stay external (loaded from node_modules as usual); only the workspace is compiled. */
function externalPackages() {
  const names = new Set();
  for (const manifest of ['package.json', '../core/package.json', '../engine/package.json']) {
    const { dependencies = {} } = JSON.parse(readFileSync(join(SERVER, manifest), 'utf8'));
    for (const name of Object.keys(dependencies)) if (!name.startsWith('@parley/')) names.add(name);
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

function removeOldBuilds(current) {
  const now = Date.now();
  for (const entry of readdirSync(DIST, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('cli-') || entry.name === current) continue;
    const folder = join(DIST, entry.name);
    if (now - statSync(folder).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(folder, { recursive: true, force: true });
  }
}

/** Builds the CLI and makes it current; returns the absolute path of its entry module. */
export async function buildCli() {
  const id = `cli-${Date.now().toString(36)}-${process.pid.toString(36)}`;
  const outdir = join(DIST, id);
  const result = await build({
    absWorkingDir: SERVER,
    // The engine thread is an entry of its own: worker_threads loads it by file (src/work/engine-pool.ts).
    entryPoints: { parley: 'src/cli/main.ts', 'engine-thread': 'src/work/engine-thread-main.ts' },
    define: {
      PARLEY_COMPILED_ENGINE_THREAD: JSON.stringify(pathToFileURL(join(outdir, 'engine-thread.js')).href),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    external: externalPackages(),
    metafile: true,
    logLevel: 'error',
  });
  const inputs = {};
  for (const input of [...Object.keys(result.metafile.inputs), 'bin/build-cli.js']) {
    const info = statSync(join(SERVER, input));
    inputs[input] = [info.mtimeMs, info.size];
  }
  const manifest = join(DIST, `cli.${id}.json`);
  writeFileSync(manifest, `${JSON.stringify({ build: id, entry: `${id}/parley.js`, inputs })}\n`);
  renameSync(manifest, join(DIST, 'cli.json'));
  removeOldBuilds(id);
  return join(outdir, 'parley.js');
}

if (process.argv[1] !== undefined && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const entry = await buildCli();
  console.log(`parley CLI built: ${relative(process.cwd(), entry)}`);
}
