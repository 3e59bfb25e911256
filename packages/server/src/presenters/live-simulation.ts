import type { LiveSimulation, LiveSimulationResult } from '@parley/core';

type Result = LiveSimulationResult;
type PointRef = Result['decisiveIssues'][number];

// The service has already cut the result to the utilities this viewer may read
// (services/live-simulation-view.ts, with `can()`); this names what travels.

const presentResult = (result: Result): Result => ({
  agreementProbability: result.agreementProbability,
  agreementInterval: { low: result.agreementInterval.low, high: result.agreementInterval.high },
  meanHoursToAgreement: result.meanHoursToAgreement,
  likelyPackage:
    result.likelyPackage === null
      ? null
      : {
          choices: result.likelyPackage.choices.map((choice) => ({
            pointId: choice.pointId,
            number: choice.number,
            title: choice.title,
            option: choice.option,
            share: choice.share,
          })),
          exactShare: result.likelyPackage.exactShare,
        },
  decisiveIssues: result.decisiveIssues.map((issue): PointRef => ({
    pointId: issue.pointId,
    number: issue.number,
    title: issue.title,
    variability: issue.variability,
    options: issue.options.map((entry) => ({ option: entry.option, share: entry.share })),
  })),
  utilities: result.utilities.map((entry) => ({
    partyId: entry.partyId,
    partyName: entry.partyName,
    utility: {
      mean: entry.utility.mean,
      p10: entry.utility.p10,
      p50: entry.utility.p50,
      p90: entry.utility.p90,
    },
  })),
});

export const presentLiveSimulation = (simulation: LiveSimulation): LiveSimulation => ({
  id: simulation.id,
  negotiationId: simulation.negotiationId,
  versionId: simulation.versionId,
  status: simulation.status,
  protocol: simulation.protocol,
  agent: simulation.agent,
  runs: simulation.runs,
  noise: simulation.noise,
  seed: simulation.seed,
  steps: simulation.steps,
  horizon: {
    deadlineTitle: simulation.horizon.deadlineTitle,
    dueAt: simulation.horizon.dueAt,
    hours: simulation.horizon.hours,
    stepsPerHour: simulation.horizon.stepsPerHour,
  },
  progress: { done: simulation.progress.done, total: simulation.progress.total },
  notices: [...simulation.notices],
  profiles: simulation.profiles.map((entry) => ({
    partyId: entry.partyId,
    partyName: entry.partyName,
    reservation: entry.reservation,
    discount: entry.discount,
  })),
  result: simulation.result === null ? null : presentResult(simulation.result),
  error: simulation.error,
  createdAt: simulation.createdAt,
  updatedAt: simulation.updatedAt,
});
