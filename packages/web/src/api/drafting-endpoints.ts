import {
  LineageProposalSchema,
  PlanDocumentTextSchema,
  StoredVersionSchema,
  type PlanVersionId,
} from '@parley/core';
import { request } from './client';

// Endpoints of the drafting pages (import a plan, revise a text, draft a version).
const plan = (id: string) => `/api/negotiations/${encodeURIComponent(id)}/plan`;

export type ImportPlanBody = { label: string; text: string; baseRevision: number };
export const importPlan = (id: string, body: ImportPlanBody) =>
  request(`${plan(id)}/import`, StoredVersionSchema, { method: 'POST', body });

/** The server reads an uploaded .md, .txt or .docx file into text (and parses it); nothing is stored. */
export const readPlanDocument = (id: string, file: { name: string; contentBase64: string }) =>
  request(`${plan(id)}/document-text`, PlanDocumentTextSchema, { method: 'POST', body: file });

/** The lineage the server infers between a version and a revised text (nothing is stored). */
export const proposeLineage = (id: string, versionId: PlanVersionId, text: string) =>
  request(`${plan(id)}/versions/${encodeURIComponent(versionId)}/lineage-proposal`, LineageProposalSchema, {
    method: 'POST',
    body: { text },
  });

export type ReviseBody = {
  parentId: PlanVersionId;
  label: string;
  text: string;
  links: { from: string; to: number }[];
  baseRevision: number;
};
/** The child version made from a revised text and the lineage map the mediator confirmed. */
export const createVersionFromText = (id: string, body: ReviseBody) =>
  request(`${plan(id)}/versions`, StoredVersionSchema, { method: 'POST', body });
