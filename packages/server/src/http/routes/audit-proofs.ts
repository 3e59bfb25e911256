import { createRoute } from '@hono/zod-openapi';
import {
  AuditCheckpointSchema,
  AuditConsistencyProofSchema,
  AuditConsistencyQuerySchema,
  AuditEntryIdSchema,
  AuditInclusionProofSchema,
  AuditKeysSchema,
  AuditProofQuerySchema,
} from '@parley/core';
import { getAuditCheckpoint, getConsistencyProof, getInclusionProof } from '../../services/audit-proofs';
import {
  presentAuditCheckpoint,
  presentConsistencyProof,
  presentInclusionProof,
  presentKeys,
} from '../../presenters/audit-proofs';
import { AUTHENTICATED, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const keys = createRoute({
  method: 'get',
  path: '/api/audit/keys',
  tags: ['audit'],
  summary: 'The public keys that sign (or signed) audit checkpoints; pin them',
  responses: { 200: jsonResponse(AuditKeysSchema, 'Current key first, then retired ones') },
});
const checkpoint = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/audit/checkpoint',
  tags: ['audit'],
  summary: 'A signed checkpoint (size and Merkle root) of the whole audit log, to keep',
  security: AUTHENTICATED,
  request: { params: NegotiationParams },
  responses: { 200: jsonResponse(AuditCheckpointSchema, 'Checkpoint'), ...problems(400, 401, 403, 404) },
});
const inclusion = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/audit/entries/{entryId}/proof',
  tags: ['audit'],
  summary: 'Proof that an entry the caller was shown is in the log (RFC 6962 audit path)',
  security: AUTHENTICATED,
  request: {
    params: NegotiationParams.extend({ entryId: AuditEntryIdSchema }),
    query: AuditProofQuerySchema,
  },
  responses: {
    200: jsonResponse(AuditInclusionProofSchema, 'Inclusion proof'),
    ...problems(400, 401, 403, 404),
  },
});
const consistency = createRoute({
  method: 'get',
  path: '/api/negotiations/{negotiationId}/audit/consistency',
  tags: ['audit'],
  summary: 'Proof that the log of `from` entries is a prefix of the log of `to` (RFC 6962)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, query: AuditConsistencyQuerySchema },
  responses: {
    200: jsonResponse(AuditConsistencyProofSchema, 'Consistency proof'),
    ...problems(400, 401, 403, 404),
  },
});

export const auditProofRoutes: RouteModule = (app, deps) => {
  app.openapi(keys, (c) => c.json(presentKeys(deps.auditKeys), 200));
  app.openapi(checkpoint, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(presentAuditCheckpoint(await getAuditCheckpoint(deps, viewer, negotiation)), 200);
  });
  app.openapi(inclusion, async (c) => {
    const { negotiationId, entryId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    const { treeSize } = c.req.valid('query');
    const proof = await getInclusionProof(deps, viewer, { negotiation, entryId, treeSize });
    return c.json(presentInclusionProof(proof), 200);
  });
  app.openapi(consistency, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const { from, to } = c.req.valid('query');
    return c.json(
      presentConsistencyProof(await getConsistencyProof(deps, viewer, { negotiation, from, to })),
      200,
    );
  });
};
