import {
  GeniusDraftSchema,
  GeniusImportResultSchema,
  GeniusPreviewSchema,
  ImprovementCheckSchema,
  ImprovementProposalSchema,
  ImprovementProposalsSchema,
  type GeniusImportInput,
  type PlanVersionId,
} from '@parley/core';
import { requestAllPages } from './all-pages';
import { request } from './client';

// GENIUS folders of the live issues and the post-settlement improvement check (issue #12, items 7 and 4).
const version = (id: string, versionId: PlanVersionId) =>
  `/api/negotiations/${encodeURIComponent(id)}/plan/versions/${encodeURIComponent(versionId)}`;

/** A plain link downloads it: the browser sends the session cookie, and the read is audited server-side. */
export const geniusDownloadUrl = (id: string, versionId: PlanVersionId) =>
  `${version(id, versionId)}/live-issues/genius`;

export const previewGenius = (id: string, versionId: PlanVersionId, archive: string) =>
  request(`${version(id, versionId)}/live-issues/genius/preview`, GeniusPreviewSchema, {
    method: 'POST',
    body: { archive },
  });

export const importGenius = (id: string, versionId: PlanVersionId, body: GeniusImportInput) =>
  request(`${version(id, versionId)}/live-issues/genius`, GeniusImportResultSchema, { method: 'POST', body });

export const checkImprovement = (id: string, versionId: PlanVersionId, pkg: Record<string, string>) =>
  request(`${version(id, versionId)}/live-analysis/improvement-check`, ImprovementCheckSchema, {
    method: 'POST',
    body: { package: pkg },
  });

export const proposeImprovement = (id: string, versionId: PlanVersionId, pkg: Record<string, string>) =>
  request(`${version(id, versionId)}/live-analysis/proposals`, ImprovementProposalSchema, {
    method: 'POST',
    body: { package: pkg },
  });

export const listProposals = (id: string, versionId: PlanVersionId) =>
  requestAllPages(`${version(id, versionId)}/live-analysis/proposals`, ImprovementProposalsSchema);

export const draftFromGenius = (id: string, archive: string, profileFile?: string) =>
  request(`/api/negotiations/${encodeURIComponent(id)}/preferences/genius-draft`, GeniusDraftSchema, {
    method: 'POST',
    body: profileFile === undefined ? { archive } : { archive, profileFile },
  });
