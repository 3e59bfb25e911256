import {
  assertNever,
  can,
  DomainError,
  type CreateExportInput,
  type FingerprintPoint,
  type Negotiation,
  type PlanVersionId,
  type Viewer,
  type PointId,
  type RoundId,
} from '@parley/core';
import { paragraphsOf, type ExportDocument, type Marking } from '../document/export-document';
import { recordMaterial } from './record-material';
import { versionSections, type Material } from './material';
import type { ExportSubject } from '../../storage/exports';
import { listRounds } from '../../storage/plan-records';
import { auditMinutesRead } from '../../services/plan-records';
import type { AppDeps } from '../../services/deps';
import { summaryDocument } from './summary-material';
import { getVersionForViewer, pointHistoryForViewer } from '../../services/plan-versions';
import { redlineSection } from './redline-section';

/** `exporter`: who asks for the copy, when their own right to read matters too (records). */
type Input = { negotiation: Negotiation; body: CreateExportInput; exporter?: Viewer };

async function planVersionMaterial(
  deps: AppDeps,
  viewer: Viewer,
  input: Input & { versionId: PlanVersionId },
): Promise<Omit<Material, 'subject'>> {
  const stored = await getVersionForViewer(deps, viewer, {
    negotiation: input.negotiation,
    versionId: input.versionId,
  });
  const { version, createdAt } = stored;
  const sections = versionSections(version);
  const identity = {
    negotiationId: input.negotiation.id,
    versionId: version.id,
    versionLabel: version.label,
    versionDate: createdAt.slice(0, 10),
    author: 'mediator',
  };
  const fromId = input.body.compareToVersionId;
  if (fromId === undefined)
    return { title: version.label, detail: 'Plan version', sections, isFingerprinted: true, identity };
  const redline = await redlineSection(deps, viewer, {
    negotiation: input.negotiation,
    version: stored,
    fromId,
  });
  return {
    title: version.label,
    detail: `Plan version with redline against ${redline.fromLabel}`,
    sections: [...sections, redline.section],
    isFingerprinted: true,
    identity,
  };
}

async function pointHistoryMaterial(
  deps: AppDeps,
  viewer: Viewer,
  input: Input & { versionId: PlanVersionId; pointId: PointId },
): Promise<Omit<Material, 'subject'>> {
  const history = await pointHistoryForViewer(deps, viewer, {
    negotiation: input.negotiation,
    versionId: input.versionId,
    pointId: input.pointId,
  });
  const blocks = history.map((entry, index): FingerprintPoint => ({
    id: `history:${entry.pointId}@${entry.versionId}`,
    number: String(index + 1),
    title: `${entry.versionLabel} (${entry.change})`,
    text:
      entry.revision === null
        ? 'The point left the plan in this version.'
        : `Point ${entry.revision.number}, ${entry.revision.title}: ${entry.revision.text}`,
  }));
  const latest = history.findLast((entry) => entry.revision !== null)?.revision ?? undefined;
  return {
    title: `History of point ${latest?.number ?? ''}${latest === undefined ? '' : `, ${latest.title}`}`,
    detail: 'Point history',
    sections: [{ heading: null, blocks }],
    isFingerprinted: true,
  };
}

// Minutes are restricted to the room; a round the recipient may not read minutes of is not found, as for anyone else.
async function roundMaterial(
  deps: AppDeps,
  viewer: Viewer,
  input: Input & { roundId: RoundId; part: 'minutes' | 'readout' },
): Promise<Omit<Material, 'subject'>> {
  const negotiationId = input.negotiation.id;
  const round = can(viewer, 'plan.read', { kind: 'negotiation', negotiationId })
    ? (await listRounds(deps.db, negotiationId)).find((candidate) => candidate.id === input.roundId)
    : undefined;
  const isMinutesVisible =
    round !== undefined &&
    can(viewer, 'round.minutes.read', {
      kind: 'round',
      negotiationId,
      partiesPresent: round.partiesPresent,
    });
  const text = input.part === 'minutes' ? (isMinutesVisible ? round?.minutes : null) : round?.publicReadout;
  if (round === undefined || text === null || text === undefined)
    throw new DomainError('not-found', 'Round not found.');
  // Minutes are restricted: the parties present see in their log who took a copy, as who read them.
  if (input.part === 'minutes')
    await auditMinutesRead(deps, viewer, { negotiation: input.negotiation, rounds: [round] });
  const title = `${round.name}, ${round.place} (${round.startsOn === round.endsOn ? round.startsOn : `${round.startsOn} to ${round.endsOn}`})`;
  if (input.part === 'readout') {
    const blocks = paragraphsOf(text).map((paragraph, index) => ({
      id: `readout:${round.id}:${index}`,
      number: '',
      title: '',
      text: paragraph,
    }));
    return { title, detail: 'Public readout', sections: [{ heading: null, blocks }], isFingerprinted: false };
  }
  const blocks = paragraphsOf(text).map((paragraph, index) => ({
    id: `minutes:${round.id}:${index}`,
    number: String(index + 1),
    title: 'Minutes',
    text: paragraph,
  }));
  return {
    title,
    detail: 'Minutes (restricted)',
    sections: [{ heading: null, blocks }],
    isFingerprinted: true,
  };
}

/** Builds the export the body asks for, read as `viewer` (the recipient). */
export async function buildMaterial(deps: AppDeps, viewer: Viewer, input: Input): Promise<Material> {
  const { body } = input;
  const subject: ExportSubject = {
    kind: body.kind,
    versionId: body.versionId ?? null,
    compareToVersionId: body.compareToVersionId ?? null,
    pointId: body.pointId ?? null,
    roundId: body.roundId ?? null,
    recordId: body.recordId ?? null,
  };
  // createExport has checked the ids each kind needs (exportInputProblems); these guards only narrow the types.
  const missing = (): never => {
    throw new DomainError('not-found', 'Not found.');
  };
  switch (body.kind) {
    case 'plan-version':
      return {
        subject,
        ...(await planVersionMaterial(deps, viewer, { ...input, versionId: body.versionId ?? missing() })),
      };
    case 'point-history':
      return {
        subject,
        ...(await pointHistoryMaterial(deps, viewer, {
          ...input,
          versionId: body.versionId ?? missing(),
          pointId: body.pointId ?? missing(),
        })),
      };
    case 'round-minutes':
      return {
        subject,
        ...(await roundMaterial(deps, viewer, {
          ...input,
          roundId: body.roundId ?? missing(),
          part: 'minutes',
        })),
      };
    case 'round-readout':
      return {
        subject,
        ...(await roundMaterial(deps, viewer, {
          ...input,
          roundId: body.roundId ?? missing(),
          part: 'readout',
        })),
      };
    case 'negotiation-summary': {
      const summary = await summaryDocument(deps, viewer, {
        negotiation: input.negotiation,
        versionId: body.versionId,
      });
      return { subject: { ...subject, versionId: summary.versionId }, ...summary.material };
    }
    case 'record':
      return {
        subject,
        ...(await recordMaterial(deps, input.exporter === undefined ? [viewer] : [viewer, input.exporter], {
          negotiation: input.negotiation,
          recordId: body.recordId ?? missing(),
        })),
      };
    default:
      return assertNever(body.kind);
  }
}

/** The document for a recipient: title, the lines that name them, and the material. */
export function toDocument(
  material: Material,
  input: {
    recipientName: string;
    negotiationTitle: string;
    createdAt: Date;
    footer: readonly string[];
    headerText?: string | undefined;
    watermark?: boolean | undefined;
  },
): ExportDocument {
  const marking: Marking = {
    header:
      input.headerText ??
      (material.isFingerprinted ? `Restricted — prepared for ${input.recipientName}` : null),
    watermark: input.watermark === true ? input.recipientName : null,
  };
  const note = material.isFingerprinted ? 'Restricted: this copy is marked for its recipient.' : 'Public.';
  return {
    title: material.title,
    subtitle: [
      `${input.negotiationTitle}: ${material.detail}`,
      `Prepared for ${input.recipientName} on ${input.createdAt.toISOString().slice(0, 10)}. ${note}`,
    ],
    sections: material.sections,
    isFingerprinted: material.isFingerprinted,
    footer: input.footer,
    marking,
    ...(material.identity === undefined ? {} : { identity: material.identity }),
  };
}
