import {
  ApiTokenCreatedSchema,
  ApiTokenListSchema,
  AuditCheckpointSchema,
  AuditInclusionProofSchema,
  AuditKeysSchema,
} from '@parley/core';
import { request, setCsrfToken } from './client';

// Issue #13: API tokens that end, and the audit log's signed checkpoints and inclusion proofs.

const audit = (id: string) => `/api/negotiations/${encodeURIComponent(id)}/audit`;

export const listApiTokens = () => request('/api/tokens', ApiTokenListSchema);
export const createApiToken = (input: { label: string; expiresInDays: number }) =>
  request('/api/tokens', ApiTokenCreatedSchema, { method: 'POST', body: input });
export const revokeApiToken = (tokenId: string) =>
  request(`/api/tokens/${encodeURIComponent(tokenId)}`, null, { method: 'DELETE' });

/** Signs out and revokes the API tokens created while signed in with this session. */
export async function signOutRevokingTokens() {
  await request('/api/auth/logout?revokeTokens=session', null, { method: 'POST' });
  setCsrfToken(null);
}

export const getAuditKeys = () => request('/api/audit/keys', AuditKeysSchema);
export const getAuditCheckpoint = (negotiationId: string) =>
  request(`${audit(negotiationId)}/checkpoint`, AuditCheckpointSchema);
export const getInclusionProof = (negotiationId: string, entryId: string) =>
  request(`${audit(negotiationId)}/entries/${encodeURIComponent(entryId)}/proof`, AuditInclusionProofSchema);
