import {
  utilitiesOf,
  type AdditiveSpace,
  type Discount,
  type SpaceIssue,
  type SpaceParty,
} from '../model/additive-space';
import type { AgentFactory } from './agent';
import { createRng, deriveSeed, type Rng } from './rng';
import { runNegotiation, type ProtocolName } from './simulate';

/** A party of the live talks: its stated profile in additive form, or null when it gave none. */
export type LiveTalksParty = {
  readonly name: string;
  readonly profile: {
    readonly reservation: number;
    readonly contributions: readonly (readonly number[])[];
    /** How its utilities (and reservation) shrink towards the deadline; absent: they do not. */
    readonly discount?: Discount;
  } | null;
};

export type LiveTalksSetup = {
  readonly issues: readonly SpaceIssue[];
  readonly parties: readonly LiveTalksParty[];
  /** One agent per party, in party order. */
  readonly agents: readonly AgentFactory[];
  readonly protocol: ProtocolName;
  readonly steps: number;
  readonly runs: number;
  readonly seed: number;
  /** σ of the noise around each stated profile (0: the profiles are taken as exact). */
  readonly noise: number;
  readonly onRun?: (done: number) => void;
};

export type UtilitySpread = { mean: number; p10: number; p50: number; p90: number };

export type LiveTalksSummary = {
  runs: number;
  agreements: number;
  /** Mean share of the time to the deadline used by the runs that agreed (0..1); null without agreements. */
  meanAgreementTime: number | null;
  /** optionCounts[issue][option]: how many agreements chose that option. */
  optionCounts: number[][];
  /** The most frequent complete agreements (option index per issue) and how many runs reached each. */
  topAgreements: { outcome: number[]; count: number }[];
  /** Each issue's most agreed option, and how many agreements were exactly that package; null without agreements. */
  likelyPackage: { outcome: number[]; count: number } | null;
  /**
   * Per party, the utility of how each run ended (agreement, or the reservation without one) under
   * the party's stated profile, discounted to when it ended; null for a party whose preferences were sampled.
   */
  utilities: (UtilitySpread | null)[];
};

const TOP_AGREEMENTS = 5;

/**
 * Monte-Carlo over the live talks: in every run each stated profile is perturbed by the noise and
 * each missing one is drawn at random, the agents negotiate to the deadline, and the ending is
 * judged by the stated profiles. Runs are seeded one by one, so a resumed job gives the same sums.
 */
export function simulateLiveTalks(setup: LiveTalksSetup): LiveTalksSummary {
  const truth: (SpaceParty | null)[] = setup.parties.map((party) =>
    party.profile === null
      ? null
      : {
          name: party.name,
          reservation: party.profile.reservation,
          constant: 0,
          contributions: party.profile.contributions,
          ...(party.profile.discount && { discount: party.profile.discount }),
        },
  );
  const optionCounts = setup.issues.map((issue) => issue.options.map(() => 0));
  const endings: number[][] = setup.parties.map(() => []);
  const agreementCounts = new Map<string, number>();
  let agreements = 0;
  let agreementTime = 0;
  for (let run = 0; run < setup.runs; run++) {
    const seed = deriveSeed(setup.seed, run);
    const rng = createRng(seed ^ 0x2545f491);
    const space: AdditiveSpace = {
      issues: setup.issues,
      parties: setup.parties.map((party, index) => {
        const stated = truth[index];
        return stated === undefined || stated === null
          ? sampleParty(party.name, setup.issues, rng)
          : perturbParty(stated, setup.noise, rng);
      }),
    };
    const result = runNegotiation({
      space,
      agents: setup.agents,
      deadline: { steps: setup.steps },
      seed,
      protocol: setup.protocol,
    });
    truth.forEach((party, index) => {
      if (party === null) return;
      const utility =
        result.agreement === null
          ? party.reservation
          : utilitiesOf({ issues: setup.issues, parties: [party] }, result.agreement)[0];
      // The perturbed profile keeps the stated discount, so the run's factor is the stated one's.
      endings[index]?.push((utility ?? party.reservation) * (result.discounts[index] ?? 1));
    });
    if (result.agreement !== null) {
      agreements++;
      agreementTime += Math.min(1, result.steps / setup.steps);
      result.agreement.forEach((option, issue) => {
        const row = optionCounts[issue];
        if (row !== undefined) row[option] = (row[option] ?? 0) + 1;
      });
      const key = result.agreement.join(',');
      agreementCounts.set(key, (agreementCounts.get(key) ?? 0) + 1);
    }
    setup.onRun?.(run + 1);
  }
  const topAgreements = [...agreementCounts]
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .slice(0, TOP_AGREEMENTS)
    .map(([key, count]) => ({ outcome: key.split(',').map(Number), count }));
  const likely = optionCounts.map((counts) => counts.indexOf(Math.max(...counts)));
  return {
    runs: setup.runs,
    agreements,
    likelyPackage:
      agreements === 0 ? null : { outcome: likely, count: agreementCounts.get(likely.join(',')) ?? 0 },
    meanAgreementTime: agreements === 0 ? null : agreementTime / agreements,
    optionCounts,
    topAgreements,
    utilities: truth.map((party, index) => (party === null ? null : spread(endings[index] ?? []))),
  };
}

/**
 * Each issue's weight scaled by max(0, 1 + σ·N(0, 1)), then every contribution rescaled so the
 * party's best package is worth what it was: the noise moves priorities, not the utility scale
 * the reservation is stated on.
 */
export function perturbParty(party: SpaceParty, noise: number, rng: Rng): SpaceParty {
  if (noise === 0) return party;
  const scaled = party.contributions.map((values) => {
    const factor = Math.max(0, 1 + noise * standardNormal(rng));
    return values.map((value) => value * factor);
  });
  const before = bestTotal(party.contributions);
  const after = bestTotal(scaled);
  const rescale = after > 0 ? before / after : 1;
  return { ...party, contributions: scaled.map((values) => values.map((value) => value * rescale)) };
}

/**
 * A party that stated nothing: random weights (uniform on the simplex), a random rating per
 * option with the best at 1, and a reservation in [0, 0.3]; drawn afresh in every run.
 */
export function sampleParty(name: string, issues: readonly SpaceIssue[], rng: Rng): SpaceParty {
  const raw = issues.map(() => -Math.log(1 - rng.next()));
  const total = raw.reduce((sum, value) => sum + value, 0) || 1;
  const contributions = issues.map((issue, index) => {
    const ratings = issue.options.map(() => rng.next());
    const best = Math.max(...ratings) || 1;
    return ratings.map((rating) => ((raw[index] ?? 0) / total) * (rating / best));
  });
  return { name, reservation: rng.next() * 0.3, constant: 0, contributions };
}

function bestTotal(contributions: readonly (readonly number[])[]): number {
  return contributions.reduce((sum, values) => sum + Math.max(0, ...values), 0);
}

/** Box–Muller from the seeded stream. */
function standardNormal(rng: Rng): number {
  const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
  return radius * Math.cos(2 * Math.PI * rng.next());
}

function spread(values: readonly number[]): UtilitySpread {
  if (values.length === 0) return { mean: 0, p10: 0, p50: 0, p90: 0 };
  const sorted = [...values].sort((left, right) => left - right);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  return {
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    p10: at(0.1),
    p50: at(0.5),
    p90: at(0.9),
  };
}
