import { z } from 'zod';
import {
  DeadlineIdSchema,
  EscalationIdSchema,
  PartyIdSchema,
  PlanVersionIdSchema,
  PointIdSchema,
  RoundIdSchema,
  StoredPlanVersionIdSchema,
  StoredPointIdSchema,
  StoredRoundIdSchema,
  StatementIdSchema,
} from '../ids';
import { LabelSchema, PlanTextSchema, requiredTextSchema, textSchema } from './common';
import { REDLINE_KINDS } from '../rules/redline/compare-versions';
import { NEGOTIATION_STATES } from '../rules/status/derive-negotiation-state';
import { POINT_STATUSES } from '../rules/status/derive-point-status';
import { TIMELINE_KINDS } from '../rules/timeline/build-timeline';
import { AmendmentProposalSchema } from './plan-amendments';
import {
  DateSchema,
  LINEAGE_KINDS,
  LineageEdgeSchema,
  PlanVersionSchema,
  VersionOperationSchema,
} from './plan';
import { LineageMapLinkSchema } from './plan-lineage';
import { ESCALATION_OUTCOMES } from './plan-positions';
import { RoundFormatSchema } from './plan-rounds';

// Request and response bodies of the plan routes (the contract the web app and scripts use).

/** Every plan write carries the plan revision it was based on; a stale one answers 409. */
const BaseRevision = z.number().int().nonnegative();

export const ImportPlanInputSchema = z.strictObject({
  label: LabelSchema,
  text: PlanTextSchema,
  baseRevision: BaseRevision,
  roundId: StoredRoundIdSchema.nullable().default(null),
});
export type ImportPlanInput = z.infer<typeof ImportPlanInputSchema>;

/**
 * A child version, made either by `operations` or from a revised `text` and the lineage map the
 * mediator confirmed (`links` from old point ids to new point numbers; see `lineage-proposal`).
 */
export const CreateVersionInputSchema = z
  .strictObject({
    parentId: StoredPlanVersionIdSchema,
    label: LabelSchema,
    operations: z.array(VersionOperationSchema).max(2_000).default([]),
    text: PlanTextSchema.optional(),
    links: z.array(LineageMapLinkSchema).max(20_000).optional(),
    baseRevision: BaseRevision,
    roundId: StoredRoundIdSchema.nullable().default(null),
    /**
     * Single-text practice: `false` publishes the text without naming on its lineage which party
     * proposed each change; who proposed what is kept in the audit log only.
     */
    attributeChanges: z.boolean().default(true),
  })
  .refine((input) => input.text === undefined || input.operations.length === 0, {
    message: 'Send either operations or a revised text with its links, not both',
    path: ['operations'],
  })
  .refine((input) => input.links === undefined || input.text !== undefined, {
    message: 'Links need the revised text they point into',
    path: ['links'],
  });
export type CreateVersionInput = z.infer<typeof CreateVersionInputSchema>;

export const StoredVersionSchema = z.strictObject({
  version: PlanVersionSchema,
  edges: z.array(LineageEdgeSchema),
  revision: z.number().int().positive(),
  roundId: RoundIdSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type StoredVersionView = z.infer<typeof StoredVersionSchema>;

export const PlanOverviewSchema = z.strictObject({
  revision: z.number().int().nonnegative(),
  versions: z.array(
    z.strictObject({
      id: PlanVersionIdSchema,
      parentId: PlanVersionIdSchema.nullable(),
      label: z.string(),
      revision: z.number().int(),
      points: z.number().int(),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type PlanOverview = z.infer<typeof PlanOverviewSchema>;

const DiffPartSchema = z.strictObject({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
const PointRefSchema = z.strictObject({
  pointId: PointIdSchema,
  number: z.number().int(),
  title: z.string(),
});
const VersionRefSchema = z.strictObject({
  id: PlanVersionIdSchema,
  label: z.string(),
  points: z.number().int(),
});

export const RedlineSchema = z.strictObject({
  from: VersionRefSchema,
  to: VersionRefSchema,
  rows: z.array(
    z.strictObject({
      kind: z.enum(REDLINE_KINDS),
      from: z.array(PointRefSchema),
      to: z.array(PointRefSchema),
      title: z.array(DiffPartSchema),
      text: z.array(DiffPartSchema),
      labels: z.array(z.string()),
    }),
  ),
  counts: z.record(z.enum(REDLINE_KINDS), z.number().int()),
});

export const PointHistorySchema = z.strictObject({
  items: z.array(
    z.strictObject({
      versionId: PlanVersionIdSchema,
      versionLabel: z.string(),
      pointId: PointIdSchema,
      revision: z.strictObject({ number: z.number().int(), title: z.string(), text: z.string() }).nullable(),
      change: z.enum([...LINEAGE_KINDS, 'created', 'restructure']),
      from: z.array(PointIdSchema),
      proposedBy: PartyIdSchema.nullable(),
      roundId: RoundIdSchema.nullable(),
    }),
  ),
});
/** One line of a point's history as the API sends it (revision null: the point left the plan there). */
export type PointHistoryEntryView = z.infer<typeof PointHistorySchema>['items'][number];

const PartyIdList = z.array(PartyIdSchema);
const PointIdList = z.array(PointIdSchema);
export const PlanStatusSchema = z.strictObject({
  versionId: PlanVersionIdSchema,
  state: z.enum(NEGOTIATION_STATES),
  counts: z.record(z.enum(POINT_STATUSES), z.number().int()),
  bindingPointIds: PointIdList,
  provisionalPointIds: PointIdList,
  missingPartyIds: PartyIdList,
  blocking: z.array(
    z.strictObject({
      pointId: PointIdSchema,
      number: z.number().int(),
      status: z.enum(POINT_STATUSES),
      missingPartyIds: PartyIdList,
      objectingPartyIds: PartyIdList,
    }),
  ),
  points: z.array(
    z.strictObject({
      pointId: PointIdSchema,
      number: z.number().int(),
      title: z.string(),
      status: z.enum(POINT_STATUSES),
      missingPartyIds: PartyIdList,
      objectingPartyIds: PartyIdList,
      amendingPartyIds: PartyIdList,
      reservingPartyIds: PartyIdList,
      reviewingPartyIds: PartyIdList,
    }),
  ),
});
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

export const CreateEscalationInputSchema = z.strictObject({
  pointId: StoredPointIdSchema,
  principals: z.array(LabelSchema).min(1).max(20),
  question: requiredTextSchema(5_000),
  dueDate: DateSchema.nullable().default(null),
});
/** A decision is recorded once and never edited: what the leaders decided is said, not defaulted. */
export const DecideEscalationInputSchema = z.strictObject({
  outcome: z.enum(ESCALATION_OUTCOMES, { error: 'Choose what the leaders decided.' }),
  // Said beside the field as the outcome's is: what is missing, not a rule.
  note: requiredTextSchema(5_000, 'Say what the leaders decided.'),
});

export const CreateRoundInputSchema = z.strictObject({
  name: LabelSchema,
  place: textSchema(200),
  startsOn: DateSchema,
  endsOn: DateSchema,
  format: RoundFormatSchema,
  partiesPresent: z
    .array(PartyIdSchema)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'Each party may be named once'),
  fromVersionId: StoredPlanVersionIdSchema.nullable(),
  producedVersionId: StoredPlanVersionIdSchema.nullable(),
  minutes: textSchema(50_000).nullable(),
  publicReadout: textSchema(10_000).nullable(),
});

export const CreateStatementInputSchema = z.strictObject({
  person: requiredTextSchema(200),
  partyId: PartyIdSchema,
  date: DateSchema,
  source: requiredTextSchema(500),
  quote: requiredTextSchema(5_000),
  pointIds: z
    .array(StoredPointIdSchema)
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, 'Each point may be named once'),
});

export const CreateAmendmentInputSchema = z.strictObject({
  partyId: PartyIdSchema,
  versionId: StoredPlanVersionIdSchema,
  pointId: StoredPointIdSchema,
  proposal: AmendmentProposalSchema,
  rationale: textSchema(5_000).default(''),
});
export const DecideAmendmentInputSchema = z.strictObject({
  fate: z.enum(['rejected', 'withdrawn']),
  reason: textSchema(2_000).default(''),
  baseRevision: BaseRevision,
});

/** What a timeline entry points at, by its kind: a version, a round, a statement or an escalation. */
const TimelineRefIdSchema = z.union([
  PlanVersionIdSchema,
  RoundIdSchema,
  StatementIdSchema,
  EscalationIdSchema,
]);

export const TimelineSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      date: z.string(),
      kind: z.enum(TIMELINE_KINDS),
      title: z.string(),
      refId: TimelineRefIdSchema,
      pointIds: z.array(PointIdSchema),
      outcome: z.enum(ESCALATION_OUTCOMES).optional(),
    }),
  ),
  nextCursor: z.string().optional(),
});

/** Per deadline: the points of a version that are not yet agreed (none once it has passed). */
export const DeadlineOutlookSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      deadlineId: DeadlineIdSchema,
      title: z.string(),
      dueAt: z.iso.datetime(),
      isPast: z.boolean(),
      openPoints: z.array(
        z.strictObject({
          pointId: PointIdSchema,
          number: z.number().int(),
          title: z.string(),
          status: z.enum(POINT_STATUSES),
        }),
      ),
    }),
  ),
});
