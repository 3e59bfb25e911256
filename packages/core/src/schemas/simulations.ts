import { z } from 'zod';
import { UserIdSchema } from '../ids';
import { InstantSchema, LabelSchema, textSchema } from './common';

export const SimulationIdSchema = z.uuid().brand<'SimulationId'>();
export type SimulationId = z.infer<typeof SimulationIdSchema>;

const finite = z.number().refine(Number.isFinite, 'Must be a finite number');

/**
 * A party's time discount, as the engine compiles a GENIUS `discount_factor`: utilities and the
 * reservation value are multiplied by `factor ^ t` (`per: 'time'`, t the share of the deadline
 * used: GENIUS) or `factor ^ rounds` (`per: 'round'`: NegMAS). Only 0 < factor ≤ 1 is a discount;
 * GENIUS reads any other value as none, so a job sending one is refused rather than guessed at.
 */
export const SimulationDiscountSchema = z.strictObject({
  factor: z.number().gt(0).max(1),
  per: z.enum(['time', 'round']),
});
export type SimulationDiscount = z.infer<typeof SimulationDiscountSchema>;

/**
 * An outcome space in the engine's compiled additive form: per party, per issue, the utility
 * contribution of each option. Parties' utilities are private data, so a simulation job is
 * visible to the account that started it only.
 */
export const SimulationSpaceSchema = z
  .strictObject({
    issues: z
      .array(z.strictObject({ name: LabelSchema, options: z.array(LabelSchema).min(1).max(1000) }))
      .min(1)
      .max(200),
    parties: z
      .array(
        z.strictObject({
          name: LabelSchema,
          reservation: finite,
          constant: finite.default(0),
          contributions: z.array(z.array(finite).max(1000)).max(200),
          /** Absent: this party's utilities do not shrink while the talks go on. */
          discount: SimulationDiscountSchema.optional(),
        }),
      )
      .min(2)
      .max(8),
  })
  .superRefine((space, context) => {
    space.parties.forEach((party, partyIndex) => {
      if (party.contributions.length !== space.issues.length) {
        context.addIssue({
          code: 'custom',
          path: ['parties', partyIndex, 'contributions'],
          message: `Needs one row per issue (${space.issues.length})`,
        });
        return;
      }
      party.contributions.forEach((row, issueIndex) => {
        const options = space.issues[issueIndex]?.options.length ?? 0;
        if (row.length !== options) {
          context.addIssue({
            code: 'custom',
            path: ['parties', partyIndex, 'contributions', issueIndex],
            message: `Needs one value per option (${options})`,
          });
        }
      });
      const { low, high } = reservationScale(party);
      if (!(party.reservation >= low && party.reservation <= high)) {
        context.addIssue({
          code: 'custom',
          path: ['parties', partyIndex, 'reservation'],
          message: `Must be between ${low} and ${high}, the scale of this party's utilities`,
        });
      }
    });
  });

/**
 * Where a reservation value may lie: 0–1, GENIUS's normalised scale, widened to the party's worst
 * and best outcomes when its utilities are raw (a space compiled under NegMAS's semantics, whose
 * disagreement point may be its worst outcome, say 10.5).
 */
function reservationScale(party: { constant: number; contributions: readonly (readonly number[])[] }) {
  let worst = party.constant;
  let best = party.constant;
  for (const row of party.contributions) {
    worst += Math.min(...row);
    best += Math.max(...row);
  }
  return { low: Math.min(0, worst), high: Math.max(1, best) };
}
export type SimulationSpace = z.infer<typeof SimulationSpaceSchema>;

export const SimulationProtocolSchema = z.enum(['sao', 'mediated']);

/** The most offers (SAO) or proposals (mediated) one simulated negotiation may take. */
export const MAX_SIMULATION_STEPS = 100_000;
/** The most negotiations one simulation request may run. */
export const MAX_SIMULATION_RUNS = 10_000;
/** Seeds are 32-bit: the engine's generator keeps 32 bits, so a larger seed would replay a smaller one. */
export const MAX_SIMULATION_SEED = 2 ** 32 - 1;

export const CreateSimulationInputSchema = z
  .strictObject({
    space: SimulationSpaceSchema,
    /** One agent name per party, in party order (see GET /api/simulations/agents). */
    agents: z.array(z.string().min(1).max(40)).min(2).max(8),
    protocol: SimulationProtocolSchema.default('sao'),
    steps: z.number().int().min(1).max(MAX_SIMULATION_STEPS).default(1000),
    runs: z.number().int().min(1).max(MAX_SIMULATION_RUNS).default(100),
    seed: z.number().int().min(0).max(MAX_SIMULATION_SEED).default(1),
  })
  .refine((input) => input.agents.length === input.space.parties.length, {
    path: ['agents'],
    message: 'Needs exactly one agent per party',
  });
export type CreateSimulationInput = z.infer<typeof CreateSimulationInputSchema>;

export const SimulationSummarySchema = z.strictObject({
  runs: z.number().int(),
  agreementRate: z.number(),
  meanUtilities: z.array(z.number()),
  /** Before discounting (GENIUS discount factors); absent in results stored before it was reported. */
  meanUndiscountedUtilities: z.array(z.number()).optional(),
  meanRounds: z.number(),
  meanSteps: z.number(),
  meanDistanceToPareto: z.number().nullable(),
  meanDistanceToNash: z.number().nullable(),
});

export const SimulationStatusSchema = z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']);

export const SimulationSchema = z.strictObject({
  id: SimulationIdSchema,
  ownerId: UserIdSchema,
  status: SimulationStatusSchema,
  agents: z.array(z.string()),
  /** What each party walks away with and how its utilities shrink, as sent, in party order. */
  parties: z.array(
    z.strictObject({
      name: z.string(),
      reservation: z.number(),
      discount: SimulationDiscountSchema.nullable(),
    }),
  ),
  protocol: SimulationProtocolSchema,
  steps: z.number().int(),
  runs: z.number().int(),
  seed: z.number().int(),
  progress: z.strictObject({ done: z.number().int(), total: z.number().int() }),
  result: SimulationSummarySchema.nullable(),
  /** Why a failed job failed (bad parameters are not retried). */
  error: textSchema(2000).nullable(),
  attempts: z.number().int(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Simulation = z.infer<typeof SimulationSchema>;

export const AgentListSchema = z.strictObject({ items: z.array(z.string()) });
