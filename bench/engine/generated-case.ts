// One generated space analysed once in this (fresh) process, for bench/engine/run.ts:
// `generated-case.ts ISSUES PARTIES FIXED_OPTIONS(0 = 4–8 at random) [FRONTIER_OPTIONS_JSON]` prints one
// JSON row (the options, e.g. '{"maxSize":5000}', are for trying settings; the bench uses the defaults).
import { performance } from 'node:perf_hooks';
import { analyzeSpace, outcomeCount } from '@parley/engine';
import { generatedSpace } from './generated-space';

const [issues = 0, parties = 0, fixed = 0] = process.argv.slice(2, 5).map(Number);
const options = JSON.parse(process.argv[5] ?? '{}') as Parameters<typeof analyzeSpace>[2];
const space = generatedSpace({
  issues,
  parties,
  seed: issues * 10 + parties,
  fixedOptions: fixed || undefined,
});
const started = performance.now();
const cpuBefore = process.cpuUsage();
const analysis = analyzeSpace(space, 'genius', options);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const approximation = analysis.frontier.approximation;
process.stdout.write(
  `${JSON.stringify({
    parties,
    issues,
    outcomes: outcomeCount(space),
    exact: analysis.frontier.exact,
    frontier: analysis.frontier.points.length,
    bound: approximation === undefined ? null : Math.max(...approximation.additive),
    ms,
    // CPU time of the call (user + system), steadier than wall time on a loaded machine
    cpuMs: (cpu.user + cpu.system) / 1000,
    // maxRSS is in kilobytes
    peakMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
