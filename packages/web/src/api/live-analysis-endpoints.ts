import {
  LiveAnalysisSchema,
  LiveIssueSchema,
  LiveIssuesSchema,
  MyProfileSchema,
  SavedProfileSchema,
  type IssueDefinition,
  type PlanVersionId,
  type PointId,
  type SaveProfileInput,
} from '@parley/core';
import { request } from './client';

// Endpoints of the issues editor, the preferences page and the live analysis (issue #12).
const negotiation = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`;
const version = (id: string, versionId: PlanVersionId) =>
  `${negotiation(id)}/plan/versions/${encodeURIComponent(versionId)}`;

export const listIssues = (id: string, versionId: PlanVersionId) =>
  request(`${version(id, versionId)}/issues`, LiveIssuesSchema);

/** `previous` is what the editor showed: a definition saved meanwhile answers 409, not overwritten. */
export const setIssue = (
  id: string,
  at: { versionId: PlanVersionId; pointId: PointId },
  body: { definition: IssueDefinition | null; previous: IssueDefinition | null },
) =>
  request(`${version(id, at.versionId)}/points/${encodeURIComponent(at.pointId)}/issue`, LiveIssueSchema, {
    method: 'PUT',
    body,
  });

export const getMyProfile = (id: string) => request(`${negotiation(id)}/preferences`, MyProfileSchema);

export const saveMyProfile = (id: string, body: SaveProfileInput) =>
  request(`${negotiation(id)}/preferences`, SavedProfileSchema, { method: 'PUT', body });

export const runLiveAnalysis = (id: string, versionId: PlanVersionId, pkg?: Record<string, string>) =>
  request(`${version(id, versionId)}/live-analysis`, LiveAnalysisSchema, {
    method: 'POST',
    body: pkg === undefined ? {} : { package: pkg },
  });
