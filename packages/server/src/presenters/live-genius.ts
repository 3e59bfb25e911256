import type {
  GeniusDraft,
  GeniusImportResult,
  GeniusPreview,
  ImprovementCheck,
  ImprovementProposal,
} from '@parley/core';
import { presentChoice, presentLiveIssue } from './live-analysis';

// GENIUS folders and the improvement check (issue #12): what was read from an upload, never the
// profiles the mediator's import leaves out.

export const presentGeniusPreview = (preview: GeniusPreview): GeniusPreview => ({
  versionId: preview.versionId,
  domainFile: preview.domainFile,
  issues: preview.issues.map((issue) => ({
    name: issue.name,
    values: [...issue.values],
    suggestedPointId: issue.suggestedPointId,
  })),
  profileFiles: [...preview.profileFiles],
});

export const presentGeniusImport = (result: GeniusImportResult): GeniusImportResult => ({
  versionId: result.versionId,
  points: result.points.map(presentLiveIssue),
  skippedProfiles: [...result.skippedProfiles],
});

export const presentGeniusDraft = (draft: GeniusDraft): GeniusDraft => ({
  profileFile: draft.profileFile,
  scale: draft.scale,
  weighting: draft.weighting,
  reservation: draft.reservation,
  discount: draft.discount,
  issues: draft.issues.map((issue) => ({
    pointId: issue.pointId,
    ratings: { ...issue.ratings },
    weight: issue.weight,
  })),
  notices: [...draft.notices],
});

/** The same answer for every viewer: a package or none, never a utility or a reason. */
export const presentImprovementCheck = (check: ImprovementCheck): ImprovementCheck => ({
  versionId: check.versionId,
  found: check.found,
  choices: check.choices === null ? null : check.choices.map(presentChoice),
});

export const presentImprovementProposal = (proposal: ImprovementProposal): ImprovementProposal => ({
  id: proposal.id,
  versionId: proposal.versionId,
  choices: proposal.choices.map(presentChoice),
  proposedAt: proposal.proposedAt,
});
