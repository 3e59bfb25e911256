import {
  can,
  type LiveSimulation,
  type LiveSimulationResult,
  type Negotiation,
  type Viewer,
} from '@parley/core';
import type { LiveTalksSummary } from '@parley/engine';
import type { StoredLiveSimulation } from '../storage/live-simulations';

const DECISIVE_ISSUES = 5;

type Context = {
  viewer: Viewer;
  negotiation: Negotiation;
  parties: readonly { id: string; name: string }[];
  /** Parties whose newest profile is shared with the mediator now. */
  sharedNow: ReadonlySet<string>;
};

/**
 * A live simulation as a viewer may read it: packages and issues in plan terms, and utilities only
 * for the parties whose profile the viewer may read (`profile.read`) — the revision the job used
 * was shared, and the newest still is.
 */
export function liveSimulationSeenBy(stored: StoredLiveSimulation, context: Context): LiveSimulation {
  const { input } = stored;
  return {
    id: stored.id,
    negotiationId: context.negotiation.id,
    versionId: stored.versionId,
    status: stored.status,
    protocol: input.protocol,
    agent: input.agent,
    runs: input.runs,
    noise: input.noise,
    seed: input.seed,
    steps: input.steps,
    horizon: input.horizon,
    progress: { done: stored.status === 'completed' ? input.runs : stored.progressDone, total: input.runs },
    notices: [...input.notices],
    profiles: input.parties.flatMap((party) =>
      party.profile === null || !mayRead(party, context)
        ? []
        : [
            {
              partyId: party.partyId,
              partyName: nameOf(party.partyId, context),
              reservation: party.profile.reservation,
              discount: party.profile.discount ?? null,
            },
          ],
    ),
    result: stored.result === null || stored.status !== 'completed' ? null : resultOf(stored, context),
    error: stored.error,
    createdAt: stored.createdAt.toISOString(),
    updatedAt: stored.updatedAt.toISOString(),
  };
}

function resultOf(stored: StoredLiveSimulation, context: Context): LiveSimulationResult {
  const { input } = stored;
  const summary = stored.result as LiveTalksSummary;
  const { agreements, runs } = summary;
  const share = (count: number) => (agreements === 0 ? 0 : round(count / agreements));
  // The summary counts by issue index, in the job's issue order.
  const refs = input.issues.map((issue) => ({
    pointId: issue.pointId,
    number: issue.number,
    title: issue.title,
  }));
  const likely = summary.likelyPackage;
  return {
    agreementProbability: round(runs === 0 ? 0 : agreements / runs),
    agreementInterval: wilson(agreements, runs),
    meanHoursToAgreement:
      summary.meanAgreementTime === null ? null : round(summary.meanAgreementTime * input.horizon.hours, 1),
    likelyPackage:
      likely === null
        ? null
        : {
            choices: likely.outcome.flatMap((option, index) => {
              const ref = refs[index];
              if (ref === undefined) return [];
              return [
                {
                  ...ref,
                  option: input.issues[index]?.options[option] ?? '',
                  share: share(summary.optionCounts[index]?.[option] ?? 0),
                },
              ];
            }),
            exactShare: share(likely.count),
          },
    decisiveIssues:
      agreements === 0
        ? []
        : summary.optionCounts
            .flatMap((counts, index) => {
              const ref = refs[index];
              if (ref === undefined) return [];
              const options = counts
                .map((count, option) => ({
                  option: input.issues[index]?.options[option] ?? '',
                  share: share(count),
                }))
                .filter((entry) => entry.share > 0)
                .sort((left, right) => right.share - left.share);
              return [{ ...ref, variability: round(1 - Math.max(...counts) / agreements), options }];
            })
            .filter((entry) => entry.variability > 0)
            .sort((left, right) => right.variability - left.variability || left.number - right.number)
            .slice(0, DECISIVE_ISSUES),
    utilities: input.parties.flatMap((party, index) => {
      const spread = summary.utilities[index];
      if (spread === null || spread === undefined || party.profile === null) return [];
      if (!mayRead(party, context)) return [];
      return [
        {
          partyId: party.partyId,
          partyName: nameOf(party.partyId, context),
          utility: {
            mean: round(spread.mean),
            p10: round(spread.p10),
            p50: round(spread.p50),
            p90: round(spread.p90),
          },
        },
      ];
    }),
  };
}

type JobParty = StoredLiveSimulation['input']['parties'][number];

/** The revision the job used was shared, and the newest still is (or the viewer is the party). */
function mayRead(party: JobParty, context: Context): boolean {
  return can(context.viewer, 'profile.read', {
    kind: 'profile',
    negotiationId: context.negotiation.id,
    partyId: party.partyId,
    sharedWithMediator: party.sharedWithMediator && context.sharedNow.has(party.partyId),
  });
}

function nameOf(partyId: string, context: Context): string {
  return context.parties.find((candidate) => candidate.id === partyId)?.name ?? '';
}

/** 95 % Wilson score interval of a share: honest at 0 and 1 and for few runs. */
function wilson(successes: number, trials: number): { low: number; high: number } {
  if (trials === 0) return { low: 0, high: 1 };
  const z = 1.96;
  const p = successes / trials;
  const denominator = 1 + (z * z) / trials;
  const centre = (p + (z * z) / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials))) / denominator;
  return { low: round(Math.max(0, centre - half)), high: round(Math.min(1, centre + half)) };
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
