import { z } from 'zod';
import { Base64FileSchema } from './common';

export const SemanticsSchema = z.enum(['genius', 'negmas']);

/** Stateless analysis of a scenario the caller sends (Parley JSON, docs/scenario-format.md); nothing is stored. */
export const AnalysisRequestSchema = z.strictObject({
  /** A `parley-scenario/1` document; the engine validates it and names any problem. */
  scenario: z.record(z.string(), z.unknown()),
  semantics: SemanticsSchema.default('genius'),
  /** The package on the table (issue → option label): trades and improvements start from it. */
  package: z.record(z.string(), z.string()).optional(),
});
export type AnalysisRequest = z.infer<typeof AnalysisRequestSchema>;

/**
 * A GENIUS scenario folder (a zip in base64, as the live issues' export gives it) read as a Parley
 * JSON scenario, for the analysis above: numbers as written, so both semantics still apply.
 */
export const GeniusScenarioInputSchema = z.strictObject({
  archive: Base64FileSchema,
});
export const GeniusScenarioSchema = z.strictObject({ scenario: z.record(z.string(), z.unknown()) });

const LabelledOutcomeSchema = z.record(z.string(), z.string());
const PointSchema = z.strictObject({ utilities: z.array(z.number()), outcome: LabelledOutcomeSchema });

export const AnalysisSchema = z.strictObject({
  semantics: SemanticsSchema,
  parties: z.array(z.strictObject({ name: z.string(), reservation: z.number() })),
  issues: z.array(z.string()),
  outcomes: z.number(),
  frontier: z.strictObject({
    exact: z.boolean(),
    /** When approximate: every true frontier point is within these amounts (per party) of a returned point. */
    approximation: z.array(z.number()).nullable(),
    size: z.number().int(),
    /** At most 2000 points travel; `size` is the whole frontier. */
    points: z.array(PointSchema),
  }),
  solutions: z.strictObject({
    nash: PointSchema.nullable(),
    kalaiSmorodinsky: PointSchema.nullable(),
    utilitarian: PointSchema.nullable(),
    egalitarian: PointSchema.nullable(),
  }),
  zone: z.strictObject({
    exists: z.boolean(),
    frontierShare: z.number(),
    bestFor: z.array(z.number().nullable()),
  }),
  contention: z.array(
    z.strictObject({
      issue: z.string(),
      importance: z.array(z.number()),
      opposition: z.number(),
      contention: z.number(),
    }),
  ),
  /** From the package sent (or the Nash point): pairs of issues worth trading, best first. */
  trades: z.array(
    z.strictObject({
      issues: z.array(z.string()),
      outcome: LabelledOutcomeSchema,
      gains: z.array(z.number()),
    }),
  ),
  /** Packages that make nobody worse and someone better than the package sent, best first. */
  improvements: z.array(
    z.strictObject({
      outcome: LabelledOutcomeSchema,
      utilities: z.array(z.number()),
      gains: z.array(z.number()),
    }),
  ),
  package: PointSchema.nullable(),
  elapsedMs: z.number(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;
