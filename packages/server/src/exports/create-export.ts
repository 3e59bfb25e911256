import { createHash, randomBytes } from 'node:crypto';
import {
  can,
  chooseFingerprintKey,
  keyStillFits,
  DomainError,
  ExportIdSchema,
  exportInputProblems,
  isMembershipActive,
  LATEST_MARK_SCHEME,
  type CreateExportInput,
  type ExportResult,
  type Negotiation,
  type Viewer,
} from '@parley/core';
import { readingOnBehalfOf } from '../audit';
import { commitChange } from '../services/commit-change';
import type { AppDeps } from '../services/deps';
import { assertAllowed, loadViewer } from '../services/viewer';
import {
  insertExport,
  findRecipientKey,
  listFingerprintKeys,
  lockedFingerprintKeys,
  type StoredExport,
} from '../storage/exports';
import { listMembers } from '../storage/members';
import { documentBlocks, renderText } from './document/export-document';
import { footerLines } from './document/footer-lines';
import { buildMaterial, toDocument } from './material/build-material';
import { fileNameOf, fingerprintKeyId, recipientOf, versionNumbersFor, type Recipient } from './recipients';
import { assertRecipientMayRead } from './recipient-access';
import { renderInPool } from './render/render-in-pool';

const negotiationResource = (negotiation: Negotiation) => ({
  kind: 'negotiation' as const,
  negotiationId: negotiation.id,
});

async function resolveRecipient(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; recipientUserId: string | undefined },
): Promise<Recipient> {
  const resource = negotiationResource(input.negotiation);
  assertAllowed(can(viewer, 'export.create', resource), 'export from this negotiation');
  const recipientUserId = input.recipientUserId ?? viewer.userId;
  if (recipientUserId === null) throw new DomainError('not-found', 'Negotiation not found.');
  // Only the mediator staff export copies for others; each copy names exactly one recipient.
  if (recipientUserId !== viewer.userId)
    assertAllowed(can(viewer, 'plan.manage', resource), 'export a copy for someone else');
  const now = deps.clock.now();
  const current = (await listMembers(deps.db, input.negotiation.id)).filter((member) =>
    isMembershipActive(member, now),
  );
  const recipient = recipientOf(current, recipientUserId);
  if (recipient === undefined)
    throw new DomainError('not-found', 'Recipient not found.', { field: 'recipientUserId' });
  return recipient;
}

/**
 * The recipient's key when they already hold a copy in this negotiation: every copy a recipient
 * holds carries the same marks, so comparing their own copies (the Markdown and the PDF, or two
 * versions) shows them nothing to remove. Otherwise a fresh 256-bit key numbering its headings
 * unlike the latest recipients' copies; 512 candidates make it all but certain that every heading
 * style is among them (each has 8 to 9 of its 1/54 share), so the least recently used can be had.
 */
async function fingerprintKeyFor(
  deps: AppDeps,
  input: { negotiationId: string; recipientUserId: string },
): Promise<ChosenKey> {
  const held = await findRecipientKey(deps.db, input);
  if (held !== undefined) return { key: held, chosenAgainst: null };
  const existingKeys = await listFingerprintKeys(deps.db, input.negotiationId);
  const candidates = Array.from({ length: 512 }, () => randomBytes(32).toString('hex'));
  return { key: chooseFingerprintKey({ candidates, existingKeys }), chosenAgainst: existingKeys };
}

/** A key, and the copies' keys a new key was chosen against (null: the recipient's own key). */
type ChosenKey = { readonly key: string; readonly chosenAgainst: readonly string[] | null };

/** Another copy committed meanwhile took the number style a key was chosen for, or gave its recipient a key. */
class StyleTakenMeanwhile extends Error {}

/**
 * Copies made at once (a mediator sending one version to every delegation) would each choose the
 * least recently used number style, and so the same one: two copies that differ in little else
 * cannot be told apart in a leaked excerpt. In one process they are made one at a time (`deps.copiesInTurn`); across
 * processes the choice is checked again where copies are committed, under a lock, and made again
 * (and the copy rendered again) when another process's copy took it meanwhile.
 */
const STYLE_ATTEMPTS = 8;

/**
 * Renders what the body asks for, as the recipient may read it, in the asked format, for one
 * recipient: restricted material fingerprinted with a fresh 256-bit key. The row (key, blocks,
 * bytes, SHA-256 of the bytes) and its `export.create` audit entry are written in one transaction.
 */
export async function createExport(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; body: CreateExportInput },
): Promise<ExportResult> {
  const [problem] = exportInputProblems(input.body);
  if (problem !== undefined)
    throw new DomainError('invalid-input', `${problem.field}: ${problem.message}.`, { field: problem.field });
  const recipient = await resolveRecipient(deps, viewer, {
    negotiation: input.negotiation,
    recipientUserId: input.body.recipientUserId,
  });
  const recipientViewer = await loadViewer(deps, recipient.userId);
  await assertRecipientMayRead(deps, { exporter: viewer, recipient, recipientViewer, ...input });
  // Rendered with the recipient's access, but read by whoever made the copy: a mediator's copy
  // for a delegate is logged as the mediator's reads on the delegate's behalf (#13, item 5).
  const build = () => buildMaterial(deps, recipientViewer, { ...input, exporter: viewer });
  const material =
    viewer.userId === null || viewer.userId === recipient.userId
      ? await build()
      : await readingOnBehalfOf({ actorId: viewer.userId, recipientUserId: recipient.userId }, build);
  const createdAt = deps.clock.now();
  const document = toDocument(material, {
    recipientName: recipient.displayName,
    negotiationTitle: input.negotiation.title,
    createdAt,
    footer: await footerLines({ deps, negotiationId: input.negotiation.id, createdAt }),
    headerText: input.body.headerText,
    watermark: input.body.watermark,
  });
  return deps.copiesInTurn(input.negotiation.id, async () => {
    for (let attempt = 1; ; attempt++) {
      const chosen = document.isFingerprinted
        ? await fingerprintKeyFor(deps, {
            negotiationId: input.negotiation.id,
            recipientUserId: recipient.userId,
          })
        : null;
      try {
        return await issueCopy(deps, viewer, {
          ...input,
          recipient,
          material,
          document,
          createdAt,
          chosen,
          recheckStyle: attempt < STYLE_ATTEMPTS,
        });
      } catch (error) {
        if (!(error instanceof StyleTakenMeanwhile)) throw error;
      }
    }
  });
}

/** Renders the document with the chosen key and commits the copy with its audit entry. */
async function issueCopy(
  deps: AppDeps,
  viewer: Viewer,
  input: {
    negotiation: Negotiation;
    body: CreateExportInput;
    recipient: Recipient;
    material: Awaited<ReturnType<typeof buildMaterial>>;
    document: ReturnType<typeof toDocument>;
    createdAt: Date;
    chosen: ChosenKey | null;
    recheckStyle: boolean;
  },
): Promise<ExportResult> {
  const { recipient, material, document, createdAt, chosen } = input;
  const key = chosen?.key ?? null;
  const file = await renderInPool(deps, renderText(document, key, LATEST_MARK_SCHEME), {
    format: input.body.format,
    createdAt,
  });
  const contentHash = createHash('sha256').update(file.bytes).digest('hex');
  const stored: StoredExport = {
    ...material.subject,
    id: ExportIdSchema.parse(deps.ids.next()),
    negotiationId: input.negotiation.id,
    recipientUserId: recipient.userId,
    exportedBy: viewer.userId ?? recipient.userId,
    format: input.body.format,
    fingerprintKey: key,
    markScheme: LATEST_MARK_SCHEME,
    points: key === null ? null : documentBlocks(document),
    content: file.bytes,
    contentHash,
    createdAt: createdAt.toISOString(),
  };
  await commitChange(deps, {
    actor: viewer,
    at: createdAt,
    write: async (tx) => {
      if (chosen?.chosenAgainst != null && input.recheckStyle) {
        const committed = await lockedFingerprintKeys(tx, input.negotiation.id);
        // Another process gave the recipient a key meanwhile: theirs is the one to use.
        const heldMeanwhile = await findRecipientKey(tx, {
          negotiationId: input.negotiation.id,
          recipientUserId: recipient.userId,
        });
        if (
          heldMeanwhile !== undefined ||
          !keyStillFits({ key: chosen.key, chosenAgainst: chosen.chosenAgainst, committed })
        )
          throw new StyleTakenMeanwhile();
      }
      await insertExport(tx, stored);
    },
    audit: {
      action: 'export.create',
      subjectType: 'export',
      subjectId: stored.id,
      negotiationId: input.negotiation.id,
      detail: {
        exportId: stored.id,
        recipientUserId: recipient.userId,
        kind: stored.kind,
        format: stored.format,
        versionId: stored.versionId,
        compareToVersionId: stored.compareToVersionId,
        pointId: stored.pointId,
        roundId: stored.roundId,
        recordId: stored.recordId,
        watermark: input.body.watermark,
        fingerprintKeyId: key === null ? null : fingerprintKeyId(key),
        contentHash,
      },
    },
  });
  return {
    id: stored.id,
    kind: stored.kind,
    format: stored.format,
    recipient,
    isFingerprinted: key !== null,
    contentHash,
    fileName: fileNameOf(
      stored,
      await versionNumbersFor(deps.db, { negotiationId: input.negotiation.id, copies: [stored] }),
    ),
    contentType: file.contentType,
    downloadUrl: `/api/negotiations/${input.negotiation.id}/exports/${stored.id}/file`,
    ...(stored.format === 'markdown' ? { markdown: file.bytes.toString('utf8') } : {}),
  };
}
