import {
  AmendmentSchema,
  AnalysisSchema,
  GeniusScenarioSchema,
  AuditLogPageSchema,
  DeadlineOutlookSchema,
  DeadlineSchema,
  EscalationSchema,
  InstanceSchema,
  listOf,
  MemberSchema,
  MeSchema,
  NegotiationSchema,
  PartySchema,
  PlanOverviewSchema,
  PlanStatusSchema,
  PointHistorySchema,
  PositionSchema,
  RecordSchema,
  RedlineSchema,
  RoundSchema,
  SessionViewSchema,
  StatementSchema,
  StoredVersionSchema,
  TimelineSchema,
  type AmendmentId,
  type AmendmentProposal,
  type Analysis,
  type PlanVersionId,
  type PointId,
  type PositionValue,
  type PositionVisibility,
  type VersionOperation,
} from '@parley/core';
import { z } from 'zod';
import { requestAllPages } from './all-pages';
import { request, setCsrfToken } from './client';

const AnalysisExampleSchema = z.object({ scenario: z.record(z.string(), z.unknown()) });

const negotiation = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`;
const plan = (id: string) => `${negotiation(id)}/plan`;
const version = (id: string, versionId: PlanVersionId) =>
  `${plan(id)}/versions/${encodeURIComponent(versionId)}`;

export async function signIn(email: string, password: string) {
  const session = await request('/api/auth/login', SessionViewSchema, {
    method: 'POST',
    body: { email, password },
  });
  setCsrfToken(session.csrfToken);
  return session;
}
export async function signOut() {
  await request('/api/auth/logout', null, { method: 'POST' });
  setCsrfToken(null);
}
export async function getMe() {
  const me = await request('/api/me', MeSchema);
  setCsrfToken(me.csrfToken);
  return me;
}

export const listNegotiations = () => request('/api/negotiations', listOf(NegotiationSchema));
export const getNegotiation = (id: string) => request(negotiation(id), NegotiationSchema);
export const listParties = (id: string) => request(`${negotiation(id)}/parties`, listOf(PartySchema));
export const listMembers = (id: string) => request(`${negotiation(id)}/members`, listOf(MemberSchema));
export const listRecords = (id: string) =>
  requestAllPages(`${negotiation(id)}/records`, listOf(RecordSchema));
export const listDeadlines = (id: string) => request(`${negotiation(id)}/deadlines`, listOf(DeadlineSchema));

export const getPlan = (id: string) => request(plan(id), PlanOverviewSchema);
export const getVersion = (id: string, versionId: PlanVersionId) =>
  request(version(id, versionId), StoredVersionSchema);
export const compareVersions = (id: string, fromId: PlanVersionId, toId: PlanVersionId) =>
  request(`${version(id, fromId)}/compare/${encodeURIComponent(toId)}`, RedlineSchema);
export const getPointHistory = (id: string, versionId: PlanVersionId, pointId: PointId) =>
  request(`${version(id, versionId)}/points/${encodeURIComponent(pointId)}/history`, PointHistorySchema);
export const listPositions = (id: string, versionId: PlanVersionId) =>
  requestAllPages(`${version(id, versionId)}/positions`, listOf(PositionSchema));
export const getStatus = (id: string, versionId: PlanVersionId) =>
  request(`${version(id, versionId)}/status`, PlanStatusSchema);
export const getDeadlineOutlook = (id: string, versionId: PlanVersionId) =>
  request(`${version(id, versionId)}/deadlines`, DeadlineOutlookSchema);
export const getTimeline = (id: string) => requestAllPages(`${plan(id)}/timeline`, TimelineSchema);
export const listRounds = (id: string) => requestAllPages(`${plan(id)}/rounds`, listOf(RoundSchema));
export const listStatements = (id: string) =>
  requestAllPages(`${plan(id)}/statements`, listOf(StatementSchema));
export const listAmendments = (id: string) =>
  requestAllPages(`${plan(id)}/amendments`, listOf(AmendmentSchema));
export const listEscalations = (id: string) =>
  requestAllPages(`${plan(id)}/escalations`, listOf(EscalationSchema));

export type SetPositionBody = {
  value: PositionValue;
  note: string;
  visibility: PositionVisibility;
  baseRevision: number;
};
export type PositionTarget = { versionId: PlanVersionId; pointId: PointId; partyId: string };
export const setPosition = (
  id: string,
  { versionId, pointId, partyId }: PositionTarget,
  body: SetPositionBody,
) =>
  request(
    `${version(id, versionId)}/points/${encodeURIComponent(pointId)}/positions/${encodeURIComponent(partyId)}`,
    PositionSchema,
    { method: 'PUT', body },
  );

export type ProposeAmendmentBody = {
  partyId: string;
  versionId: PlanVersionId;
  pointId: PointId;
  proposal: AmendmentProposal;
  rationale: string;
};
export const proposeAmendment = (id: string, body: ProposeAmendmentBody) =>
  request(`${plan(id)}/amendments`, AmendmentSchema, { method: 'POST', body });

export type CreateVersionBody = {
  parentId: PlanVersionId;
  label: string;
  operations: VersionOperation[];
  baseRevision: number;
  /** false: publish without naming proposers on the lineage (single-text practice). */
  attributeChanges?: boolean;
};
export const createVersion = (id: string, body: CreateVersionBody) =>
  request(`${plan(id)}/versions`, StoredVersionSchema, { method: 'POST', body });

export type EscalateBody = {
  pointId: PointId;
  principals: string[];
  question: string;
  dueDate: string | null;
};
export const escalatePoint = (id: string, body: EscalateBody) =>
  request(`${plan(id)}/escalations`, EscalationSchema, { method: 'POST', body });

/** The live stream of plan changes this viewer may see. */
export const eventStreamUrl = (id: string) => `${negotiation(id)}/events`;

export type DecideAmendmentBody = { fate: 'rejected' | 'withdrawn'; reason: string; baseRevision: number };
export const decideAmendment = (id: string, amendmentId: AmendmentId, body: DecideAmendmentBody) =>
  request(`${plan(id)}/amendments/${encodeURIComponent(amendmentId)}/fate`, AmendmentSchema, {
    method: 'POST',
    body,
  });

/** Public: whether this is a demo instance, and its accounts (for the sign-in page). */
export const getInstance = () => request('/api/instance', InstanceSchema);
export const getAnalysisExample = () => request('/api/analysis/example', AnalysisExampleSchema);
export type AnalyzeBody = { scenario: Record<string, unknown>; semantics: Analysis['semantics'] };
export const analyzeScenario = (body: AnalyzeBody) =>
  request('/api/analysis', AnalysisSchema, { method: 'POST', body });
export const readGeniusScenario = (archive: string) =>
  request('/api/analysis/genius-scenario', GeniusScenarioSchema, { method: 'POST', body: { archive } });

export type AuditLogRequest = { cursor?: string; action?: string; limit?: number };
/** One page of the negotiation's audit log as this viewer may see it, newest first. */
export function getAuditLog(id: string, { cursor, action, limit }: AuditLogRequest = {}) {
  const query = new URLSearchParams();
  if (cursor !== undefined) query.set('cursor', cursor);
  if (action !== undefined) query.set('action', action);
  if (limit !== undefined) query.set('limit', String(limit));
  const suffix = query.size === 0 ? '' : `?${query.toString()}`;
  return request(`${negotiation(id)}/audit${suffix}`, AuditLogPageSchema);
}
