// One generated space analysed once in this (fresh) process, for bench/engine/run.ts:
// `generated-case.ts ISSUES PARTIES FIXED_OPTIONS(0 = 4–8 at random)` prints one JSON row.
import { performance } from 'node:perf_hooks';
import { analyzeSpace, outcomeCount } from '@parley/engine';
import { generatedSpace } from './generated-space';

const [issues = 0, parties = 0, fixed = 0] = process.argv.slice(2).map(Number);
const space = generatedSpace({
  issues,
  parties,
  seed: issues * 10 + parties,
  fixedOptions: fixed || undefined,
});
const started = performance.now();
const analysis = analyzeSpace(space, 'genius');
const ms = performance.now() - started;
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
    // maxRSS is in kilobytes
    peakMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
