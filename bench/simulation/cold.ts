// One process, one negotiation: the first 1000-step SAO negotiation between Boulware agents in a
// fresh process, set-up included, as `parley simulate` runs it — the engine loaded under the same
// V8 flags as the CLI's one-shot commands (compiled at load, baseline code from the first call),
// unless `plain` is passed (a library user's process). Prints {"firstMs", "secondMs"} on stdout.
// Usage: cold.ts SCENARIO_FOLDER [plain]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';

const [folder = '', mode = 'cli'] = process.argv.slice(2);
// The CLI's ONE_SHOT_V8_FLAGS (packages/server/src/cli/main.ts), set while the engine loads.
const flags = [
  ['--no-lazy', '--lazy'],
  ['--always-sparkplug', '--no-always-sparkplug'],
  ['--no-wasm-dynamic-tiering', '--wasm-dynamic-tiering'],
] as const;
if (mode !== 'plain') for (const [set] of flags) setFlagsFromString(set);
const engine = await import('@parley/engine');
if (mode !== 'plain') for (const [, reset] of flags) setFlagsFromString(reset);

const names = readdirSync(folder)
  .filter((name) => name.endsWith('.xml'))
  .sort();
const loaded = engine.loadGeniusScenario(
  folder,
  names.map((name) => ({ name, contents: readFileSync(join(folder, name), 'utf8') })),
);
if (!loaded.ok) throw new Error(`${folder}: ${loaded.problems[0]?.message}`);
const space = engine.compileScenario(loaded.value, 'genius');
const boulware = engine.findAgent('boulware');
if (boulware === undefined) throw new Error('no boulware agent');
const agents = space.parties.map(() => boulware);

const timeOne = (seed: number): number => {
  const started = performance.now();
  engine.runNegotiation({ space, agents, deadline: { steps: 1000 }, seed });
  return performance.now() - started;
};
const firstMs = timeOne(1);
const secondMs = timeOne(2);
process.stdout.write(`${JSON.stringify({ firstMs, secondMs })}\n`);
