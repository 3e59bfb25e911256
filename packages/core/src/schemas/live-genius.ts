import { z } from 'zod';
import { ImprovementProposalIdSchema, PlanVersionIdSchema, PointIdSchema } from '../ids';
import { Base64FileSchema, InstantSchema, listOf } from './common';
import { ChoiceSchema, LiveIssueSchema } from './live-issues';

// ── GENIUS scenario folders (issue #12, item 7) ──────────────────────────────────────────────

/** A GENIUS scenario folder uploaded as a zip, in base64 (the API takes JSON only). */
export const GeniusArchiveSchema = Base64FileSchema;

export const GeniusPreviewInputSchema = z.strictObject({ archive: GeniusArchiveSchema });
export type GeniusPreviewInput = z.infer<typeof GeniusPreviewInputSchema>;

/** One issue of the uploaded domain, with the point it would go to by default (title match). */
export const GeniusIssuePreviewSchema = z.strictObject({
  name: z.string(),
  /** Values as labels (integers as decimal strings). */
  values: z.array(z.string()),
  suggestedPointId: PointIdSchema.nullable(),
});

export const GeniusPreviewSchema = z.strictObject({
  versionId: PlanVersionIdSchema,
  domainFile: z.string(),
  issues: z.array(GeniusIssuePreviewSchema),
  /** Profile files found: the mediator's import never writes them (docs/live-analysis.md). */
  profileFiles: z.array(z.string()),
});
export type GeniusPreview = z.infer<typeof GeniusPreviewSchema>;

export const GeniusImportInputSchema = z.strictObject({
  archive: GeniusArchiveSchema,
  /** GENIUS issue name → the point that takes its values (null: leave that issue out). */
  mapping: z
    .array(z.strictObject({ issue: z.string().max(300), pointId: PointIdSchema.nullable() }))
    .min(1)
    .max(200),
});
export type GeniusImportInput = z.infer<typeof GeniusImportInputSchema>;

export const GeniusImportResultSchema = z.strictObject({
  versionId: PlanVersionIdSchema,
  points: z.array(LiveIssueSchema),
  /** Profile files left out: a profile is saved only by its own delegation. */
  skippedProfiles: z.array(z.string()),
});
export type GeniusImportResult = z.infer<typeof GeniusImportResultSchema>;

// ── Post-settlement improvement (issue #12, item 4) ──────────────────────────────────────────

export const ImprovementCheckInputSchema = z.strictObject({
  /** The package agreed or on the table, point → option. */
  package: z.record(z.string().max(200), z.string().max(200)),
});
export type ImprovementCheckInput = z.infer<typeof ImprovementCheckInputSchema>;

/** The same answer for every viewer: a package, or none; never a utility or a reason. */
export const ImprovementCheckSchema = z.strictObject({
  versionId: PlanVersionIdSchema,
  found: z.boolean(),
  /** A package every party strictly prefers to the one sent; null when none was found. */
  choices: z.array(ChoiceSchema).nullable(),
});
export type ImprovementCheck = z.infer<typeof ImprovementCheckSchema>;

/** A package the mediator proposed to every party, without reasons. */
export const ImprovementProposalSchema = z.strictObject({
  id: ImprovementProposalIdSchema,
  versionId: PlanVersionIdSchema,
  choices: z.array(ChoiceSchema),
  proposedAt: InstantSchema,
});
export type ImprovementProposal = z.infer<typeof ImprovementProposalSchema>;

/** Paged, as every list (issue #15): proposals accumulate over a long negotiation. */
export const ImprovementProposalsSchema = listOf(ImprovementProposalSchema);

// ── A delegation's own profile from a GENIUS file (a draft it confirms) ──────────────────────

export const GeniusDraftInputSchema = z.strictObject({
  archive: GeniusArchiveSchema,
  /** Which profile file of the folder; may be left out when the folder holds exactly one. */
  profileFile: z.string().min(1).max(255).optional(),
});
export type GeniusDraftInput = z.infer<typeof GeniusDraftInputSchema>;

/** Ratings and weights read from a GENIUS profile, for the delegation to check and save itself. */
export const GeniusDraftSchema = z.strictObject({
  profileFile: z.string(),
  scale: z.literal('unit'),
  weighting: z.literal('weights'),
  reservation: z.number(),
  /** The file's discount factor when GENIUS reads it as one (0 < d < 1); null otherwise. */
  discount: z.number().nullable(),
  issues: z.array(
    z.strictObject({ pointId: PointIdSchema, ratings: z.record(z.string(), z.number()), weight: z.number() }),
  ),
  notices: z.array(z.string()),
});
export type GeniusDraft = z.infer<typeof GeniusDraftSchema>;
