import { z } from 'zod';
import { NegotiationIdSchema, PartyIdSchema, PlanVersionIdSchema, PointIdSchema } from '../ids';
import { InstantSchema, textSchema } from './common';
import {
  MAX_SIMULATION_SEED,
  SimulationIdSchema,
  SimulationProtocolSchema,
  SimulationStatusSchema,
} from './simulations';

// Simulation of the live talks (issue #12 item 6, docs/live-analysis.md): a job the mediator's staff
// start on a version; its result is in plan terms and carries only the utilities the viewer may read.

export const MAX_LIVE_SIMULATION_RUNS = 5000;
/** σ above 1 would zero an issue's weight in more than one run in six: noise, not an estimate. */
export const MAX_LIVE_SIMULATION_NOISE = 1;

export const LiveSimulationInputSchema = z.strictObject({
  protocol: SimulationProtocolSchema.default('sao'),
  /** Monte-Carlo samples: each perturbs the stated profiles and draws the missing ones afresh. */
  runs: z.number().int().min(1).max(MAX_LIVE_SIMULATION_RUNS).default(200),
  /** The strategy every party's agent plays (see GET /api/simulations/agents). */
  agent: z.string().min(1).max(40).default('boulware'),
  /** σ of the noise around each stated profile: 0 takes them as exact. */
  noise: z.number().min(0).max(MAX_LIVE_SIMULATION_NOISE).default(0.2),
  seed: z.number().int().min(0).max(MAX_SIMULATION_SEED).default(1),
});
export type LiveSimulationInput = z.infer<typeof LiveSimulationInputSchema>;

const PointRefSchema = z.strictObject({
  pointId: PointIdSchema,
  number: z.number().int().positive(),
  title: z.string(),
});

const SpreadSchema = z.strictObject({ mean: z.number(), p10: z.number(), p50: z.number(), p90: z.number() });

export const LiveSimulationResultSchema = z.strictObject({
  /** Share of runs that agreed before the deadline, with a 95 % Wilson interval. */
  agreementProbability: z.number(),
  agreementInterval: z.strictObject({ low: z.number(), high: z.number() }),
  /** Mean hours from now to agreement in the runs that agreed. */
  meanHoursToAgreement: z.number().nullable(),
  /** Per issue, the option most agreements chose, with how many of them did (null: no run agreed). */
  likelyPackage: z
    .strictObject({
      choices: z.array(PointRefSchema.extend({ option: z.string(), share: z.number() })),
      /** Share of agreements that were exactly this package. */
      exactShare: z.number(),
    })
    .nullable(),
  /**
   * The issues that decide it: those whose outcome varies most across the agreements (1 − the
   * share of the most frequent option), most unsettled first.
   */
  decisiveIssues: z.array(
    PointRefSchema.extend({
      variability: z.number(),
      options: z.array(z.strictObject({ option: z.string(), share: z.number() })),
    }),
  ),
  /** Utility of how the talks ended, under the stated profile, for the parties whose profile the viewer may read. */
  utilities: z.array(
    z.strictObject({ partyId: PartyIdSchema, partyName: z.string(), utility: SpreadSchema }),
  ),
});
export type LiveSimulationResult = z.infer<typeof LiveSimulationResultSchema>;

export const LiveSimulationSchema = z.strictObject({
  id: SimulationIdSchema,
  negotiationId: NegotiationIdSchema,
  versionId: PlanVersionIdSchema,
  status: SimulationStatusSchema,
  protocol: SimulationProtocolSchema,
  agent: z.string(),
  runs: z.number().int(),
  noise: z.number(),
  seed: z.number().int(),
  /** Offers (SAO) or mediator proposals (mediated) before the deadline: see `horizon`. */
  steps: z.number().int(),
  /** The time limit: the negotiation's next deadline when the job was started, and how it became steps. */
  horizon: z.strictObject({
    deadlineTitle: z.string().nullable(),
    dueAt: InstantSchema.nullable(),
    hours: z.number(),
    stepsPerHour: z.number(),
  }),
  progress: z.strictObject({ done: z.number().int(), total: z.number().int() }),
  /** What was assumed: sampled parties, points left out, a missing deadline. */
  notices: z.array(z.string()),
  /**
   * The stated reservation value (0–1) and discount factor (null: none) the job used, for the
   * parties whose profile the viewer may read: like the profiles, private to their party.
   */
  profiles: z.array(
    z.strictObject({
      partyId: PartyIdSchema,
      partyName: z.string(),
      reservation: z.number(),
      discount: z.number().nullable(),
    }),
  ),
  result: LiveSimulationResultSchema.nullable(),
  error: textSchema(2000).nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type LiveSimulation = z.infer<typeof LiveSimulationSchema>;

export const LiveSimulationListSchema = z.strictObject({ items: z.array(LiveSimulationSchema) });
