// SAO negotiations with a 1000-step deadline between Boulware (time-based aspiration) agents, on
// every shared scenario and on a generated 19-issue × 6-option space (6·10¹⁴ outcomes), for 2, 3
// and 4 parties. Each timed negotiation includes its set-up (agents precompute their bidding
// tables), so "ms / negotiation" is the full cost of one run. Writes bench/results/simulation.{json,md}.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  compileScenario,
  createRng,
  findAgent,
  loadGeniusScenario,
  outcomeCount,
  runNegotiation,
  type AdditiveSpace,
  type AgentFactory,
} from '@parley/engine';

const STEPS = 1000;
const SCENARIOS = join(import.meta.dirname, '../../scenarios');
const boulware = findAgent('boulware') as AgentFactory;

type Row = {
  scenario: string;
  parties: number;
  issues: number;
  outcomes: number;
  msPerNegotiation: number;
  negotiationsPerSecond: number;
  offersPerSecond: number;
  meanOffers: number;
  agreementRate: number;
};

/** Best of five ~60 ms batches: on a shared machine the minimum is the figure least disturbed by others. */
function measure(scenario: string, space: AdditiveSpace): Row {
  const agents = space.parties.map(() => boulware);
  const once = (seed: number) => runNegotiation({ space, agents, deadline: { steps: STEPS }, seed });
  for (let seed = 0; seed < 5; seed++) once(seed);
  let best = { seconds: Infinity, runs: 1, offers: 0, agreements: 0 };
  for (let batch = 0; batch < 5; batch++) {
    let runs = 0;
    let offers = 0;
    let agreements = 0;
    const started = performance.now();
    while (runs < 5 || (performance.now() - started < 60 && runs < 2000)) {
      const result = once(1000 * batch + runs);
      offers += result.steps;
      if (result.agreement !== null) agreements++;
      runs++;
    }
    const seconds = (performance.now() - started) / 1000;
    if (seconds / runs < best.seconds / best.runs) best = { seconds, runs, offers, agreements };
  }
  const { seconds, runs, offers, agreements } = best;
  return {
    scenario,
    parties: space.parties.length,
    issues: space.issues.length,
    outcomes: outcomeCount(space),
    msPerNegotiation: (seconds * 1000) / runs,
    negotiationsPerSecond: runs / seconds,
    offersPerSecond: offers / seconds,
    meanOffers: offers / runs,
    agreementRate: agreements / runs,
  };
}

function loadFolder(folder: string): AdditiveSpace {
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .sort();
  const loaded = loadGeniusScenario(
    folder,
    names.map((name) => ({ name, contents: readFileSync(join(folder, name), 'utf8') })),
  );
  if (!loaded.ok) throw new Error(`${folder}: ${loaded.problems[0]?.message}`);
  return compileScenario(loaded.value, 'genius');
}

function generatedSpace(parties: number, seed: number): AdditiveSpace {
  const rng = createRng(seed);
  const issues = Array.from({ length: 19 }, (_, issue) => ({
    name: `issue-${issue + 1}`,
    options: Array.from({ length: 6 }, (_, option) => `option-${option + 1}`),
  }));
  return {
    issues,
    parties: Array.from({ length: parties }, (_, party) => {
      const weights = issues.map(() => rng.next() + 0.05);
      const sum = weights.reduce((total, weight) => total + weight, 0);
      return {
        name: `party-${party + 1}`,
        reservation: 0,
        constant: 0,
        contributions: issues.map((issue, index) => {
          const values = issue.options.map(() => rng.next());
          const top = Math.max(...values);
          return values.map((value) => ((weights[index] ?? 0) / sum) * (value / top));
        }),
      };
    }),
  };
}

// Warm the JIT first so the first scenario measured is not charged for compilation.
const warmUp = generatedSpace(2, 1);
for (const end = performance.now() + 500; performance.now() < end;)
  runNegotiation({ space: warmUp, agents: [boulware, boulware], deadline: { steps: STEPS }, seed: 1 });

const folders = readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const rows: Row[] = [];
for (const folder of folders) {
  const space = loadFolder(join(SCENARIOS, folder));
  if (space.parties.length <= 4) rows.push(measure(folder, space));
}
for (const parties of [2, 3, 4])
  rows.push(measure(`generated-19x6-${parties}p`, generatedSpace(parties, 19 + parties)));

const summaries = [2, 3, 4].map((parties) => {
  const shared = rows.filter((row) => row.parties === parties && !row.scenario.startsWith('generated'));
  const generated = rows.find((row) => row.scenario === `generated-19x6-${parties}p`);
  const total = (key: 'negotiationsPerSecond' | 'offersPerSecond') =>
    shared.reduce((sum, row) => sum + row[key], 0) / Math.max(1, shared.length);
  return {
    parties,
    sharedScenarios: shared.length,
    meanNegotiationsPerSecond: total('negotiationsPerSecond'),
    meanOffersPerSecond: total('offersPerSecond'),
    worstMsPerNegotiation: Math.max(...shared.map((row) => row.msPerNegotiation)),
    worstScenario:
      shared.reduce(
        (worst, row) => (row.msPerNegotiation > (worst?.msPerNegotiation ?? -1) ? row : worst),
        shared[0],
      )?.scenario ?? null,
    generated19Issues: generated ?? null,
  };
});

const twoParty = rows.filter((row) => row.parties === 2 && !row.scenario.startsWith('generated'));
const result = {
  steps: STEPS,
  agents: 'boulware (e = 0.2) for every party',
  node: process.version,
  date: new Date().toISOString(),
  note: 'Timed on a 2-core machine shared with other processes: figures are noisy; re-run on a quiet machine.',
  negmas: {
    agents: 'SAOMechanism, two aspiration agents',
    roundsPerSecond1e3Outcomes: 2500,
    roundsPerSecond1e5Outcomes: 40,
  },
  target: {
    twoPartyMsPerNegotiation: 1,
    met: twoParty.every((row) => row.msPerNegotiation < 1),
    over: twoParty.filter((row) => row.msPerNegotiation >= 1).map((row) => row.scenario),
  },
  summaries,
  rows,
};
mkdirSync(join(import.meta.dirname, '../results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, '../results/simulation.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const md = [
  '# Simulation benchmark',
  '',
  `SAO, ${STEPS}-step deadline, Boulware agents (e = 0.2) for every party, set-up included in every negotiation; per scenario the best of five ~60 ms batches. Node ${process.version}, ${result.date}.`,
  'Timed on a 2-core machine shared with other work: figures are noisy.',
  '',
  `NegMAS on this machine type (SAOMechanism, two aspiration agents): about 2,500 rounds/s on a 10³-outcome space, about 40 rounds/s on a 10⁵-outcome one.`,
  `Target (2-party ${STEPS}-step negotiation < 1 ms on every shared scenario): **${result.target.met ? 'met' : `not met on ${result.target.over.join(', ')}`}**.`,
  '',
  '| parties | shared scenarios | mean negotiations/s | mean offers/s | worst ms/negotiation (scenario) | 19-issue generated: ms/negotiation | offers/s |',
  '|---|---|---|---|---|---|---|',
  ...summaries.map(
    (s) =>
      `| ${s.parties} | ${s.sharedScenarios} | ${fmt(s.meanNegotiationsPerSecond)} | ${fmt(s.meanOffersPerSecond)} | ${fmt(s.worstMsPerNegotiation, 3)} (${s.worstScenario}) | ${fmt(s.generated19Issues?.msPerNegotiation ?? 0, 3)} | ${fmt(s.generated19Issues?.offersPerSecond ?? 0)} |`,
  ),
  '',
  '## Every scenario',
  '',
  '| scenario | parties | issues | outcomes | ms/negotiation | negotiations/s | offers/s | mean offers | agreement rate |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (row) =>
      `| ${row.scenario} | ${row.parties} | ${row.issues} | ${row.outcomes.toExponential(2)} | ${fmt(row.msPerNegotiation, 3)} | ${fmt(row.negotiationsPerSecond)} | ${fmt(row.offersPerSecond)} | ${fmt(row.meanOffers, 1)} | ${fmt(row.agreementRate, 2)} |`,
  ),
  '',
].join('\n');
writeFileSync(join(import.meta.dirname, '../results/simulation.md'), md);
console.log(md.split('\n').slice(0, 14).join('\n'));
