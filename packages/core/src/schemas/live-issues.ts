import { z } from 'zod';
import { PartyIdSchema, PlanVersionIdSchema, PointIdSchema } from '../ids';
import { labelSchema, nameKey, textSchema } from './common';

/** A range is cut into at most this many values for the analysis (docs/live-analysis.md). */
export const MAX_RANGE_VALUES = 101;
export const MAX_ISSUE_OPTIONS = 20;

// A profile rates options by name, in a JSON object: one named __proto__ could never be rated.
const OptionLabelSchema = labelSchema(120).refine((label) => label !== '__proto__', {
  message: 'An option may not be named __proto__',
});

type RangeBounds = { readonly min: number; readonly max: number; readonly step: number };

/**
 * A range's values, min to max by step, rounded to the step's precision (so 0.1 + 0.2 does not
 * print as 0.30000000000000004); undefined past MAX_RANGE_VALUES. A last step that rounds just past
 * max still counts, within a millionth of a step: an absolute tolerance let a step of 1e-20 make
 * 10¹¹ values, and the process ran out of memory making them.
 */
export function rangeValues(range: RangeBounds): number[] | undefined {
  const tolerance = Math.min(1e-9, range.step * 1e-6);
  const digits = Math.min(10, Math.max(0, -Math.floor(Math.log10(range.step)) + 2));
  const values: number[] = [];
  for (let index = 0; range.min + index * range.step <= range.max + tolerance; index++) {
    if (index >= MAX_RANGE_VALUES) return undefined;
    values.push(Number((range.min + index * range.step).toFixed(digits)));
  }
  return values;
}

/** A negotiable point's options: discrete labels, or a numeric range with a unit. */
export const IssueDefinitionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('options'),
    // Options must differ from each other: checked by the service (after access), see setIssue.
    options: z.array(OptionLabelSchema).min(2).max(MAX_ISSUE_OPTIONS),
  }),
  z
    .strictObject({
      kind: z.literal('range'),
      min: z.number().finite(),
      max: z.number().finite(),
      step: z.number().finite().positive(),
      unit: textSchema(40),
    })
    .refine((range) => range.max > range.min, { message: 'Must be above the minimum', path: ['max'] })
    .superRefine((range, context) => {
      const values = rangeValues(range);
      if (values === undefined)
        context.addIssue({
          code: 'custom',
          message: `A range may hold at most ${MAX_RANGE_VALUES} values (min to max by step)`,
          path: ['step'],
        });
      // a step too fine for its magnitude repeats values as written
      else if (new Set(values).size !== values.length)
        context.addIssue({
          code: 'custom',
          message: "The step is too fine: the range's values (to 10 decimals) must differ from each other",
          path: ['step'],
        });
    }),
]);
export type IssueDefinition = z.infer<typeof IssueDefinitionSchema>;

/**
 * Whether two of a definition's options read alike (case, spaces, invisible characters, accents
 * composed two ways): checked by the services after access, for options typed and imported alike.
 */
export function optionsReadAlike(definition: IssueDefinition | null): boolean {
  if (definition?.kind !== 'options') return false;
  return new Set(definition.options.map(nameKey)).size !== definition.options.length;
}

/** Whether two definitions offer the same (field by field, whatever order the JSON holds them in). */
export function sameDefinition(left: IssueDefinition | null, right: IssueDefinition | null): boolean {
  if (left?.kind === 'options' && right?.kind === 'options')
    return (
      left.options.length === right.options.length &&
      left.options.every((option, index) => option === right.options[index])
    );
  if (left?.kind === 'range' && right?.kind === 'range')
    return (
      left.min === right.min && left.max === right.max && left.step === right.step && left.unit === right.unit
    );
  return left === null && right === null;
}

/** PUT body: define the point's options, or `none` to say the point is not (or no longer) an issue. */
export const SetIssueInputSchema = z.strictObject({
  definition: IssueDefinitionSchema.nullable(),
  /**
   * The definition the editor showed (null: not an issue). When given and the point holds another
   * one now, the write is refused (409) instead of undoing a change saved meanwhile.
   */
  previous: IssueDefinitionSchema.nullable().optional(),
});
export type SetIssueInput = z.infer<typeof SetIssueInputSchema>;

/** One point of a version as the issues editor sees it. */
export const LiveIssueSchema = z.strictObject({
  pointId: PointIdSchema,
  number: z.number().int().positive(),
  title: z.string(),
  definition: IssueDefinitionSchema.nullable(),
  /** Options that reached this point through a merge or split: the mediator must confirm them. */
  needsReconciling: z.boolean(),
  /** Points (of earlier versions) whose options flowed into this one. */
  from: z.array(PointIdSchema),
});
export type LiveIssue = z.infer<typeof LiveIssueSchema>;

export const LiveIssuesSchema = z.strictObject({
  versionId: PlanVersionIdSchema,
  points: z.array(LiveIssueSchema),
});
export type LiveIssues = z.infer<typeof LiveIssuesSchema>;

// ── Private preference profiles ──────────────────────────────────────────────────────────────

const ScoreSchema = z.number().finite().min(0).max(100);

export const ProfileIssueInputSchema = z.strictObject({
  pointId: PointIdSchema,
  /** Option label → rating; for a range issue the keys are `min` and `max` (linear in between). */
  ratings: z.record(z.string().max(120), ScoreSchema),
  /** With `weighting: weights`: any non-negative numbers; they are scaled to sum to 1. */
  weight: z.number().finite().min(0).max(1_000_000).optional(),
  /** With `weighting: ranks`: 1 = most important; ranks 1..n each once. */
  rank: z.number().int().min(1).max(1000).optional(),
});

export const SaveProfileInputSchema = z.strictObject({
  /** The revision this edit starts from (0 for a first profile); a stale one answers 409. */
  baseRevision: z.number().int().min(0),
  /** Ratings and reservation on 0–1 (`unit`) or 0–100 (`percent`). */
  scale: z.enum(['unit', 'percent']),
  weighting: z.enum(['weights', 'ranks']),
  issues: z.array(ProfileIssueInputSchema).min(1).max(200),
  /** The utility of no agreement, on the same scale. */
  reservation: ScoreSchema,
  /**
   * GENIUS's discount factor d, 0 < d ≤ 1: a package agreed at the next deadline is worth d times
   * what it is worth now (d^t after a share t of the time), and so is walking away. Absent: none.
   */
  discount: z.number().gt(0).max(1).optional(),
  sharedWithMediator: z.boolean(),
});
export type SaveProfileInput = z.infer<typeof SaveProfileInputSchema>;

/** A saved revision of a delegation's profile, as its own delegation (or the mediator, if shared) reads it. */
export const PreferenceProfileSchema = SaveProfileInputSchema.omit({ baseRevision: true }).extend({
  partyId: PartyIdSchema,
  revision: z.number().int().positive(),
  /** Weights as used (sum 1): raw weights scaled, or rank-sum weights. */
  weights: z.record(z.string(), z.number()),
  savedAt: z.string(),
});
export type PreferenceProfile = z.infer<typeof PreferenceProfileSchema>;

export const MyProfileSchema = z.strictObject({
  /** The delegation the viewer speaks for here (null: the viewer is not in a negotiating party). */
  party: z.strictObject({ id: PartyIdSchema, name: z.string() }).nullable(),
  canEdit: z.boolean(),
  profile: PreferenceProfileSchema.nullable(),
});
export type MyProfile = z.infer<typeof MyProfileSchema>;

export const SavedProfileSchema = z.strictObject({
  profile: PreferenceProfileSchema,
  /** What was changed on the way in (e.g. weights scaled to sum to 1). */
  notices: z.array(z.string()),
});
export type SavedProfile = z.infer<typeof SavedProfileSchema>;

export const SharedProfilesSchema = z.strictObject({
  items: z.array(PreferenceProfileSchema.extend({ partyName: z.string() })),
});

// ── The live analysis ────────────────────────────────────────────────────────────────────────

export const LiveAnalysisInputSchema = z.strictObject({
  /** The package on the table, point → option; improvements over it are proposed. */
  package: z.record(z.string().max(200), z.string().max(200)).optional(),
});
export type LiveAnalysisInput = z.infer<typeof LiveAnalysisInputSchema>;

/** One point of a package: the point and the option chosen for it, in the plan's own terms. */
export const ChoiceSchema = z.strictObject({
  pointId: PointIdSchema,
  number: z.number().int().positive(),
  title: z.string(),
  option: z.string(),
});
/** Utility of a package for a party the viewer may read (its own, or one shared with the mediator). */
const UtilitySchema = z.strictObject({ partyId: PartyIdSchema, partyName: z.string(), utility: z.number() });

export const SuggestedPackageSchema = z.strictObject({
  /** nash, kalai-smorodinsky, utilitarian, egalitarian, improvement */
  kinds: z.array(z.string()),
  choices: z.array(ChoiceSchema),
  utilities: z.array(UtilitySchema),
});
export type SuggestedPackage = z.infer<typeof SuggestedPackageSchema>;

export const LiveAnalysisSchema = z.strictObject({
  versionId: PlanVersionIdSchema,
  /** Parties whose numbers this viewer receives (own delegation, or those that shared with the mediator). */
  disclosedParties: z.array(z.strictObject({ partyId: PartyIdSchema, partyName: z.string() })),
  packages: z.array(SuggestedPackageSchema),
  /** Improvements over the package sent: better for every party (which ones, and by how much, is not said). */
  improvements: z.array(SuggestedPackageSchema),
  /** Only when every counted profile was shared with the viewer: per point, how opposed the parties are. */
  contention: z
    .array(z.strictObject({ pointId: PointIdSchema, number: z.number().int(), contention: z.number() }))
    .nullable(),
  /** Only when every counted profile was shared with the viewer: the size of the Pareto frontier. */
  frontierSize: z.number().int().nullable(),
  notices: z.array(z.string()),
});
export type LiveAnalysis = z.infer<typeof LiveAnalysisSchema>;
