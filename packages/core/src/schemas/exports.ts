import { z } from 'zod';
import {
  ExportIdSchema,
  RecordIdSchema,
  StoredPlanVersionIdSchema,
  StoredPointIdSchema,
  StoredRoundIdSchema,
  UserIdSchema,
} from '../ids';
import { Base64FileSchema, InstantSchema, LabelSchema, LongTextSchema } from './common';

/** What an export holds: a plan version (optionally with a redline), a point's history, a round's minutes or readout, the summary, or a record (transcript, note). */
export const EXPORT_KINDS = [
  'plan-version',
  'point-history',
  'round-minutes',
  'round-readout',
  'negotiation-summary',
  'record',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['markdown', 'pdf', 'docx', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Export for one recipient (the caller unless the mediator names another current member). The ids
 * a kind needs are checked by `exportInputProblems` once the negotiation is known to be visible,
 * so a hidden negotiation answers 404 whatever the body lacks.
 */
export const CreateExportInputSchema = z.strictObject({
  kind: z.enum(EXPORT_KINDS).default('plan-version'),
  format: z.enum(EXPORT_FORMATS).default('markdown'),
  versionId: StoredPlanVersionIdSchema.optional(),
  /** plan-version only: add a redline from this version to `versionId`. */
  compareToVersionId: StoredPlanVersionIdSchema.optional(),
  pointId: StoredPointIdSchema.optional(),
  roundId: StoredRoundIdSchema.optional(),
  recordId: RecordIdSchema.optional(),
  recipientUserId: UserIdSchema.optional(),
  /** PDF and DOCX: the line at the top of every page (default "Restricted — prepared for <recipient>"). */
  headerText: LabelSchema.optional(),
  /** PDF: the recipient's name printed diagonally across every page (off by default). */
  watermark: z.boolean().default(false),
});
export type CreateExportInput = z.infer<typeof CreateExportInputSchema>;

const NEEDED_IDS: Record<ExportKind, readonly ('versionId' | 'pointId' | 'roundId' | 'recordId')[]> = {
  'plan-version': ['versionId'],
  'point-history': ['versionId', 'pointId'],
  'round-minutes': ['roundId'],
  'round-readout': ['roundId'],
  'negotiation-summary': [],
  record: ['recordId'],
};

/** The formats a kind is offered in: Akoma Ntoso marks up a plan's points, which only a version has. */
export function exportFormatsFor(kind: ExportKind): readonly ExportFormat[] {
  return kind === 'plan-version' ? EXPORT_FORMATS : EXPORT_FORMATS.filter((format) => format !== 'akn');
}

/** Whether a format prints `watermark`: only a PDF has pages to print it across. */
export const printsWatermark = (format: ExportFormat): boolean => format === 'pdf';

/** Whether a format prints `headerText`: a PDF or Word copy has pages with a header. */
export const printsPageHeader = (format: ExportFormat): boolean => format === 'pdf' || format === 'docx';

/** What an export request lacks or has too much of for its kind, field by field (empty: complete). */
export function exportInputProblems(input: CreateExportInput): { field: string; message: string }[] {
  const missing = NEEDED_IDS[input.kind]
    .filter((field) => input[field] === undefined)
    .map((field) => ({ field, message: `Required for a ${input.kind} export` }));
  const misplaced =
    input.compareToVersionId !== undefined && input.kind !== 'plan-version'
      ? [{ field: 'compareToVersionId', message: 'Only a plan-version export has a redline' }]
      : [];
  const structured = exportFormatsFor(input.kind).includes(input.format)
    ? []
    : [{ field: 'format', message: 'Akoma Ntoso is offered for plan versions' }];
  // Accepted and ignored, a watermark asked for on a Word or Markdown copy was silently missing.
  const unprinted =
    input.watermark && !printsWatermark(input.format)
      ? [
          {
            field: 'watermark',
            message: `Only a PDF prints the watermark; leave it off for format "${input.format}"`,
          },
        ]
      : [];
  const headless =
    input.headerText !== undefined && !printsPageHeader(input.format)
      ? [
          {
            field: 'headerText',
            message: `Only a PDF or Word copy has a page header; leave it off for format "${input.format}"`,
          },
        ]
      : [];
  return [...missing, ...misplaced, ...structured, ...unprinted, ...headless];
}

export const ExportRecipientSchema = z.strictObject({ userId: UserIdSchema, displayName: LabelSchema });

/**
 * A recorded export. `contentHash` is the SHA-256 (hex) of the file's bytes, fetched from
 * `downloadUrl`; `markdown` (the same bytes as text) is included for Markdown exports only.
 */
export const ExportSchema = z.strictObject({
  id: ExportIdSchema,
  kind: z.enum(EXPORT_KINDS),
  format: z.enum(EXPORT_FORMATS),
  recipient: ExportRecipientSchema,
  isFingerprinted: z.boolean(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  contentType: z.string(),
  downloadUrl: z.string(),
  markdown: z.string().optional(),
});
export type ExportResult = z.infer<typeof ExportSchema>;

/** A copy in the register: who received what, when, and where to fetch it (never the text itself). */
export const ExportRecordSchema = ExportSchema.omit({ markdown: true }).extend({
  createdAt: InstantSchema,
  /**
   * What the copy is of, as the viewer may read it: a version's label, a point's number and name,
   * a round's name, a record's title ("Record (restricted)" when the viewer may not read it).
   */
  subject: z.string(),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

/** A leaked file as uploaded: its name (the extension says how to read it) and its bytes in base64. */
export const LeakedFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  contentBase64: Base64FileSchema,
});

export const TraceLeakInputSchema = z.strictObject({ text: LongTextSchema.min(1) });
export type TraceLeakInput = z.infer<typeof TraceLeakInputSchema>;
export type LeakedFile = z.infer<typeof LeakedFileSchema>;

export const TraceLeakScoreSchema = z.strictObject({
  exportId: ExportIdSchema,
  recipient: ExportRecipientSchema,
  logLikelihoodRatio: z.number(),
  posterior: z.number(),
  matched: z.number().int(),
  mismatched: z.number().int(),
});

/** Who most likely received the copy the text came from, or "undecided" with the reason. */
export const TraceLeakResultSchema = z.strictObject({
  verdict: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('identified'),
      exportId: ExportIdSchema,
      recipient: ExportRecipientSchema,
      /**
       * `single-copy`: the marks fit this copy (posterior ≥ 0.999, likelihood ratio ≥ 10⁴);
       * `collusion`: the text mixes copies and this one went into it (docs/exports.md).
       */
      basis: z.enum(['single-copy', 'collusion']),
    }),
    z.strictObject({ kind: z.literal('undecided'), reason: z.string() }),
  ]),
  marksRead: z.number().int(),
  /** The per-copy choices those marks show, each counted once (a heading style repeats at every point). */
  choicesRead: z.number().int(),
  ranking: z.array(TraceLeakScoreSchema),
});
export type TraceLeakResponse = z.infer<typeof TraceLeakResultSchema>;
