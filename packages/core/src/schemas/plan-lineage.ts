import { z } from 'zod';
import { PlanVersionIdSchema, PointIdSchema } from '../ids';
import { REDLINE_KINDS } from '../rules/redline/compare-versions';
import { PlanTextSchema } from './common';

// Inferring the lineage of a revised text against a stored version (docs/plan.md, "Inferring
// lineage from a pasted text").

/** One link of a confirmed lineage map: old point `from` (its id) became, wholly or in part, new point `to` (its number in the text). */
export const LineageMapLinkSchema = z.strictObject({
  from: PointIdSchema,
  to: z.number().int().positive(),
});

export const LineageProposalInputSchema = z.strictObject({
  text: PlanTextSchema,
});
export type LineageProposalInput = z.infer<typeof LineageProposalInputSchema>;

const Score = z.number().min(0).max(1);
const OldPointRef = z.strictObject({ pointId: PointIdSchema, number: z.number().int(), title: z.string() });
const NewPointRef = z.strictObject({ number: z.number().int(), title: z.string() });

/**
 * A proposed lineage map: the points read from the text, the problems that stopped the reading
 * (each with its line; then there are no points and no rows), and rows of linked points with a
 * score (0–1) the mediator can use to check the doubtful ones first.
 */
export const LineageProposalSchema = z.strictObject({
  parent: z.strictObject({ id: PlanVersionIdSchema, label: z.string(), points: z.number().int() }),
  points: z.array(
    z.strictObject({
      number: z.number().int(),
      title: z.string(),
      text: z.string(),
      topic: z.string().nullable(),
      line: z.number().int(),
    }),
  ),
  problems: z.array(
    z.strictObject({ code: z.string(), message: z.string(), line: z.number().int().nullable() }),
  ),
  rows: z.array(
    z.strictObject({
      kind: z.enum(REDLINE_KINDS),
      from: z.array(OldPointRef),
      to: z.array(NewPointRef),
      score: Score,
      moved: z.boolean(),
      links: z.array(z.strictObject({ from: PointIdSchema, to: z.number().int(), score: Score })),
    }),
  ),
  counts: z.record(z.enum(REDLINE_KINDS), z.number().int()),
});
export type LineageProposal = z.infer<typeof LineageProposalSchema>;
