import {
  InstanceSettingsViewSchema,
  InvitationCreatedSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  LeadChangeSchema,
  LeadHandoverSchema,
  listOf,
  MemberSchema,
  NegotiationSchema,
  PartySchema,
  PendingInvitationSchema,
  RegistrationSchema,
  type ClosureRule,
  type InstanceSettings,
  type MemberFunction,
  type PartyRole,
} from '@parley/core';
import { request } from './client';

// Set-up of an instance and a negotiation (#11): accounts, settings, parties and delegations.

const negotiation = (id: string) => `/api/negotiations/${encodeURIComponent(id)}`;
const party = (id: string, partyId: string) => `${negotiation(id)}/parties/${encodeURIComponent(partyId)}`;

export type RegisterBody = { email: string; displayName: string; password: string; invitationToken?: string };
export const register = (body: RegisterBody) =>
  request('/api/auth/register', RegistrationSchema, { method: 'POST', body });

export const updateInstanceSettings = (body: Partial<InstanceSettings> & { baseRevision: number }) =>
  request('/api/instance/settings', InstanceSettingsViewSchema, { method: 'PUT', body });

export type CreateNegotiationBody = {
  title: string;
  mandate: string;
  closureRule: ClosureRule;
  timeZone: string;
  mediatorPartyName: string;
};
export const createNegotiation = (body: CreateNegotiationBody) =>
  request('/api/negotiations', NegotiationSchema, { method: 'POST', body });

export type UpdateNegotiationBody = {
  title?: string;
  mandate?: string;
  closureRule?: ClosureRule;
  timeZone?: string;
  baseRevision: number;
};
export const updateNegotiation = (id: string, body: UpdateNegotiationBody) =>
  request(negotiation(id), NegotiationSchema, { method: 'PATCH', body });

export type CreatePartyBody = { name: string; role: PartyRole; required: boolean };
export const createParty = (id: string, body: CreatePartyBody) =>
  request(`${negotiation(id)}/parties`, PartySchema, { method: 'POST', body });
export const getParty = (id: string, partyId: string) => request(party(id, partyId), PartySchema);
export type UpdatePartyBody = { name?: string; required?: boolean; baseRevision: number };
export const updateParty = (id: string, partyId: string, body: UpdatePartyBody) =>
  request(party(id, partyId), PartySchema, { method: 'PATCH', body });

export type InviteBody = { email: string; function: MemberFunction; title: string };
export const invite = (id: string, partyId: string, body: InviteBody) =>
  request(`${party(id, partyId)}/invitations`, InvitationCreatedSchema, { method: 'POST', body });
export const acceptInvitation = (token: string) =>
  request('/api/invitations/accept', MemberSchema, { method: 'POST', body: { token } });
/** The party's pending invitations the viewer may see (none for a party whose delegation is not theirs to run). */
export const listPendingInvitations = (id: string, partyId: string) =>
  request(`${party(id, partyId)}/invitations`, listOf(PendingInvitationSchema));
export const revokeInvitation = (id: string, invitationId: string) =>
  request(`${negotiation(id)}/invitations/${encodeURIComponent(invitationId)}/revoke`, InvitationSchema, {
    method: 'POST',
  });
/** What a token's invitation is for; works signed out (the token is the proof). */
export const previewInvitation = (token: string) =>
  request('/api/invitations/preview', InvitationPreviewSchema, { method: 'POST', body: { token } });

export type SeatBody = {
  email: string;
  function: MemberFunction;
  title: string;
  validFrom: string;
  validTo: string | null;
};
/** Seats an existing account directly (by its email), with a function and a validity. */
export const seatMember = (id: string, partyId: string, body: SeatBody) =>
  request(`${party(id, partyId)}/members`, MemberSchema, { method: 'POST', body: { ...body, userId: null } });

/** `baseValidTo`: the seat's end the form showed (null: none); an end set meanwhile → 409. */
export const endSeat = (
  id: string,
  memberId: string,
  body: { validTo: string; baseValidTo: string | null },
) =>
  request(`${negotiation(id)}/members/${encodeURIComponent(memberId)}/end`, MemberSchema, {
    method: 'POST',
    body,
  });

export type LeadBody = { userId: string; title: string; validFrom: string };
export const changeLead = (id: string, partyId: string, body: LeadBody) =>
  request(`${party(id, partyId)}/lead`, LeadChangeSchema, { method: 'POST', body });
export const proposeLead = (id: string, partyId: string, body: LeadBody) =>
  request(`${party(id, partyId)}/lead-handovers`, LeadHandoverSchema, { method: 'POST', body });
export const listLeadHandovers = (id: string) =>
  request(`${negotiation(id)}/lead-handovers`, listOf(LeadHandoverSchema));
export const decideLeadHandover = (
  id: string,
  handoverId: string,
  body: { decision: 'accept' | 'decline' | 'withdraw'; baseRevision: number },
) =>
  request(
    `${negotiation(id)}/lead-handovers/${encodeURIComponent(handoverId)}/decision`,
    LeadHandoverSchema,
    {
      method: 'POST',
      body,
    },
  );
