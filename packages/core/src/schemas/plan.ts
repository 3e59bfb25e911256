import { z } from 'zod';
import {
  AmendmentIdSchema,
  NegotiationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  RoundIdSchema,
} from '../ids';
import { textSchema, writtenTextSchema } from './common';

/** A calendar date (`2025-11-27`); years 1900–9999, which PostgreSQL's date column can store. */
export const DateSchema = z.iso
  .date()
  .refine((value) => value >= '1900-01-01' && value <= '9999-12-31', 'Date out of range (years 1900–9999)');

/** Words a point may be filed under ("ceasefire and lines of contact", "territory", …). */
export const TopicSchema = textSchema(120).min(1);

/** One point as it reads in one version: number, title, text, topic. */
export const PointRevisionSchema = z.strictObject({
  pointId: PointIdSchema,
  number: z.number().int().positive(),
  title: textSchema(300),
  text: textSchema(20_000),
  topic: TopicSchema.nullable(),
});
export type PointRevision = z.infer<typeof PointRevisionSchema>;

/** An immutable version of the plan; points are in reading order, numbered 1..n. */
export const PlanVersionSchema = z.strictObject({
  id: PlanVersionIdSchema,
  negotiationId: NegotiationIdSchema,
  parentId: PlanVersionIdSchema.nullable(),
  label: textSchema(200).min(1),
  points: z.array(PointRevisionSchema),
});
export type PlanVersion = z.infer<typeof PlanVersionSchema>;

/** Who asked for an operation and where; recorded on each lineage edge. */
export const OperationOriginSchema = z.strictObject({
  proposedBy: PartyIdSchema.nullable().optional(),
  roundId: RoundIdSchema.nullable().optional(),
  amendmentId: AmendmentIdSchema.nullable().optional(),
});

/** The body of a new or rewritten point. */
export const PointDraftSchema = z.strictObject({
  pointId: PointIdSchema,
  title: writtenTextSchema(300),
  text: writtenTextSchema(20_000),
  topic: TopicSchema.nullable().optional(),
});
export type PointDraft = z.infer<typeof PointDraftSchema>;

/** An operation that turns a parent version into its child while keeping point identity. */
export const VersionOperationSchema = z.discriminatedUnion('kind', [
  OperationOriginSchema.extend({
    kind: z.literal('amend'),
    pointId: PointIdSchema,
    title: writtenTextSchema(300).optional(),
    text: writtenTextSchema(20_000).optional(),
    topic: TopicSchema.nullable().optional(),
  }),
  OperationOriginSchema.extend({
    kind: z.literal('merge'),
    pointIds: z.array(PointIdSchema).min(2),
    into: PointDraftSchema,
  }),
  OperationOriginSchema.extend({
    kind: z.literal('split'),
    pointId: PointIdSchema,
    into: z.array(PointDraftSchema).min(2),
  }),
  OperationOriginSchema.extend({ kind: z.literal('drop'), pointId: PointIdSchema }),
  OperationOriginSchema.extend({
    kind: z.literal('add'),
    point: PointDraftSchema,
    after: PointIdSchema.nullable(),
  }),
  OperationOriginSchema.extend({
    kind: z.literal('move'),
    pointId: PointIdSchema,
    after: PointIdSchema.nullable(),
  }),
]);
export type VersionOperation = z.infer<typeof VersionOperationSchema>;

export const LINEAGE_KINDS = ['keep', 'amend', 'merge', 'split', 'drop', 'add', 'renumber'] as const;
/** How points of the parent became points of the child. `keep` = same text and number. */
export const LineageKindSchema = z.enum(LINEAGE_KINDS);
export type LineageKind = z.infer<typeof LineageKindSchema>;

/** One lineage edge between a version and its parent: `from` points (parent) → `to` points (child). */
export const LineageEdgeSchema = z.strictObject({
  fromVersionId: PlanVersionIdSchema,
  toVersionId: PlanVersionIdSchema,
  kind: LineageKindSchema,
  from: z.array(PointIdSchema),
  to: z.array(PointIdSchema),
  proposedBy: PartyIdSchema.nullable(),
  roundId: RoundIdSchema.nullable(),
  amendmentId: AmendmentIdSchema.nullable(),
});
export type LineageEdge = z.infer<typeof LineageEdgeSchema>;

/** A version together with the edges that link it to its parent (none for a first version). */
export const VersionWithLineageSchema = z.strictObject({
  version: PlanVersionSchema,
  edges: z.array(LineageEdgeSchema),
});
export type VersionWithLineage = z.infer<typeof VersionWithLineageSchema>;
