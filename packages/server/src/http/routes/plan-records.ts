import { createRoute } from '@hono/zod-openapi';
import {
  AmendmentSchema,
  CreateAmendmentInputSchema,
  CreateEscalationInputSchema,
  CreateRoundInputSchema,
  CreateStatementInputSchema,
  DecideAmendmentInputSchema,
  DecideEscalationInputSchema,
  EscalationSchema,
  listOf,
  PageQuerySchema,
  RoundSchema,
  StatementSchema,
} from '@parley/core';
import type { z } from 'zod';
import {
  createEscalation,
  createRound,
  createStatement,
  decideAmendment,
  decideEscalation,
  listAmendmentsForViewer,
  listEscalationsForViewer,
  listRoundsForViewer,
  listStatementsForViewer,
  proposeAmendment,
} from '../../services/plan-records';
import { pageOf } from '../../services/paging';
import {
  presentAmendment,
  presentEscalation,
  presentRound,
  presentStatement,
} from '../../presenters/plan-records';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { AmendmentParams, EscalationParams } from '../plan-params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

const base = '/api/negotiations/{negotiationId}/plan';
const WRITE_PROBLEMS = problems(400, 401, 403, 404, 409, 413, 415);
const READ_PROBLEMS = problems(400, 401, 404);

function collection<Item extends z.ZodType, Input extends z.ZodType>(name: string, item: Item, input: Input) {
  return {
    list: createRoute({
      method: 'get',
      path: `${base}/${name}`,
      tags: ['plan'],
      summary: `The ${name} the caller may see, a page at a time`,
      security: AUTHENTICATED,
      request: { params: NegotiationParams, query: PageQuerySchema },
      responses: { 200: jsonResponse(listOf(item), name), ...READ_PROBLEMS },
    }),
    create: createRoute({
      method: 'post',
      path: `${base}/${name}`,
      tags: ['plan'],
      summary: `Add to the ${name}`,
      security: AUTHENTICATED,
      request: { params: NegotiationParams, body: jsonBody(input) },
      responses: { 201: jsonResponse(item, 'Created'), ...WRITE_PROBLEMS },
    }),
  };
}

const escalations = collection('escalations', EscalationSchema, CreateEscalationInputSchema);
const rounds = collection('rounds', RoundSchema, CreateRoundInputSchema);
const statements = collection('statements', StatementSchema, CreateStatementInputSchema);
const amendments = collection('amendments', AmendmentSchema, CreateAmendmentInputSchema);
const decideEscalationRoute = createRoute({
  method: 'post',
  path: `${base}/escalations/{escalationId}/decision`,
  tags: ['plan'],
  summary: "Record the principals' decision (once)",
  security: AUTHENTICATED,
  request: { params: EscalationParams, body: jsonBody(DecideEscalationInputSchema) },
  responses: { 200: jsonResponse(EscalationSchema, 'Decided'), ...WRITE_PROBLEMS },
});
const decideAmendmentRoute = createRoute({
  method: 'post',
  path: `${base}/amendments/{amendmentId}/fate`,
  tags: ['plan'],
  summary: 'Reject (mediator) or withdraw (proposing party) an open amendment',
  security: AUTHENTICATED,
  request: { params: AmendmentParams, body: jsonBody(DecideAmendmentInputSchema) },
  responses: { 200: jsonResponse(AmendmentSchema, 'Updated'), ...WRITE_PROBLEMS },
});

export const planRecordRoutes: RouteModule = (app, deps) => {
  const context = async (
    c: Parameters<Parameters<typeof app.openapi>[1]>[0],
    negotiationId: Parameters<typeof requireNegotiation>[2],
  ) => requireNegotiation(c, deps, negotiationId);
  app.openapi(escalations.list, async (c) => {
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    const items = await listEscalationsForViewer(deps, viewer, { negotiation });
    const page = pageOf(items, c.req.valid('query'), (item) => item.id);
    return c.json({ ...page, items: page.items.map(presentEscalation) }, 200);
  });
  app.openapi(escalations.create, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    return c.json(presentEscalation(await createEscalation(deps, viewer, { negotiation, body })), 201);
  });
  app.openapi(decideEscalationRoute, async (c) => {
    const { negotiationId, escalationId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await context(c, negotiationId);
    return c.json(
      presentEscalation(await decideEscalation(deps, viewer, { negotiation, escalationId, body })),
      200,
    );
  });
  app.openapi(rounds.list, async (c) => {
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    const items = await listRoundsForViewer(deps, viewer, { negotiation });
    const page = pageOf(items, c.req.valid('query'), (item) => item.id);
    return c.json({ ...page, items: page.items.map(presentRound) }, 200);
  });
  app.openapi(rounds.create, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    return c.json(presentRound(await createRound(deps, viewer, { negotiation, body })), 201);
  });
  app.openapi(statements.list, async (c) => {
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    const items = await listStatementsForViewer(deps, viewer, { negotiation });
    const page = pageOf(items, c.req.valid('query'), (item) => item.id);
    return c.json({ ...page, items: page.items.map(presentStatement) }, 200);
  });
  app.openapi(statements.create, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    return c.json(presentStatement(await createStatement(deps, viewer, { negotiation, body })), 201);
  });
  app.openapi(amendments.list, async (c) => {
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    const items = await listAmendmentsForViewer(deps, viewer, { negotiation });
    const page = pageOf(items, c.req.valid('query'), (item) => item.id);
    return c.json({ ...page, items: page.items.map(presentAmendment) }, 200);
  });
  app.openapi(amendments.create, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await context(c, c.req.valid('param').negotiationId);
    return c.json(presentAmendment(await proposeAmendment(deps, viewer, { negotiation, body })), 201);
  });
  app.openapi(decideAmendmentRoute, async (c) => {
    const { negotiationId, amendmentId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await context(c, negotiationId);
    return c.json(
      presentAmendment(await decideAmendment(deps, viewer, { negotiation, amendmentId, body })),
      200,
    );
  });
};
