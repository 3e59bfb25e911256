import {
  DeadlineSchema,
  EscalationSchema,
  RecordSchema,
  RoundSchema,
  StatementSchema,
  type Classification,
  type EscalationId,
  type PlanVersionId,
  type PointId,
  type RecordKind,
  type RoundFormat,
} from '@parley/core';
import { request } from './client';

// The rest of a negotiation's story (#11): rounds, statements, deadlines, decisions, records.
const negotiation = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`;
const plan = (id: string) => `${negotiation(id)}/plan`;

export type CreateRoundBody = {
  name: string;
  place: string;
  startsOn: string;
  endsOn: string;
  format: RoundFormat;
  partiesPresent: string[];
  fromVersionId: PlanVersionId | null;
  producedVersionId: PlanVersionId | null;
  minutes: string | null;
  publicReadout: string | null;
};
export const createRound = (id: string, body: CreateRoundBody) =>
  request(`${plan(id)}/rounds`, RoundSchema, { method: 'POST', body });

export type CreateStatementBody = {
  person: string;
  partyId: string;
  date: string;
  source: string;
  quote: string;
  pointIds: PointId[];
};
export const createStatement = (id: string, body: CreateStatementBody) =>
  request(`${plan(id)}/statements`, StatementSchema, { method: 'POST', body });

export type CreateDeadlineBody = { title: string; dueAt: string; consequence: string };
export const createDeadline = (id: string, body: CreateDeadlineBody) =>
  request(`${negotiation(id)}/deadlines`, DeadlineSchema, { method: 'POST', body });

export type DecideEscalationBody = {
  outcome: 'agreed' | 'amended' | 'dropped' | 'no_agreement';
  note: string;
};
export const decideEscalation = (id: string, escalationId: EscalationId, body: DecideEscalationBody) =>
  request(`${plan(id)}/escalations/${encodeURIComponent(escalationId)}/decision`, EscalationSchema, {
    method: 'POST',
    body,
  });

export type CreateRecordBody = {
  owningPartyId: string;
  kind: RecordKind;
  classification: Classification;
  title: string;
  body: string;
};
export const createRecord = (id: string, body: CreateRecordBody) =>
  request(`${negotiation(id)}/records`, RecordSchema, { method: 'POST', body });
