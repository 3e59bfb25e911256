import { createRoute } from '@hono/zod-openapi';
import {
  BiddingIdSchema,
  BiddingSchema,
  BiddingsSchema,
  OpenBiddingInputSchema,
  PageQuerySchema,
  SubmitBidInputSchema,
} from '@parley/core';
import { openBidding } from '../../services/blind-bid-opening';
import {
  getBiddingForViewer,
  listBiddingsForViewer,
  revealBidding,
  submitBid,
} from '../../services/blind-bids';
import { pageOf } from '../../services/paging';
import { AUTHENTICATED, jsonBody, jsonResponse, problems } from '../openapi-helpers';
import { NegotiationParams } from '../params';
import { requireNegotiation } from '../viewer-context';
import type { RouteModule } from './route-module';

// Blind bids on a numeric issue (docs/live-analysis.md, "Blind bids"). No route returns a bound.
const biddings = '/api/negotiations/{negotiationId}/biddings';
const BiddingParams = NegotiationParams.extend({ biddingId: BiddingIdSchema });

const list = createRoute({
  method: 'get',
  path: biddings,
  tags: ['live analysis'],
  summary: 'The blind biddings you may read: the mediator party and the two bidding delegations',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, query: PageQuerySchema },
  responses: {
    200: jsonResponse(BiddingsSchema, 'Biddings, newest first, a page at a time'),
    ...problems(400, 401, 404),
  },
});
const open = createRoute({
  method: 'post',
  path: biddings,
  tags: ['live analysis'],
  summary: 'Open a blind bidding on a numeric-range issue, announcing the settlement rule (mediator staff)',
  security: AUTHENTICATED,
  request: { params: NegotiationParams, body: jsonBody(OpenBiddingInputSchema) },
  responses: {
    201: jsonResponse(BiddingSchema, 'The bidding, open for bids'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});
const getOne = createRoute({
  method: 'get',
  path: `${biddings}/{biddingId}`,
  tags: ['live analysis'],
  summary: 'One bidding: which sides have bid and, after the reveal, the outcome (never a bound)',
  security: AUTHENTICATED,
  request: { params: BiddingParams },
  responses: { 200: jsonResponse(BiddingSchema, 'The bidding'), ...problems(400, 401, 404) },
});
const bid = createRoute({
  method: 'put',
  path: `${biddings}/{biddingId}/bid`,
  tags: ['live analysis'],
  summary:
    "Seal your delegation's bound (replaces its earlier bid until the reveal or the closing time); baseRevision is your side's yourBid.revision the form showed (0: none), stale → 409 naming who bid meanwhile; without it the bid replaces any earlier one",
  security: AUTHENTICATED,
  request: { params: BiddingParams, body: jsonBody(SubmitBidInputSchema) },
  responses: {
    200: jsonResponse(BiddingSchema, 'The bidding, with your side marked as submitted'),
    ...problems(400, 401, 403, 404, 409, 413, 415),
  },
});
const reveal = createRoute({
  method: 'post',
  path: `${biddings}/{biddingId}/reveal`,
  tags: ['live analysis'],
  summary:
    'Reveal whether the bounds overlap and the settlement (mediator staff; both sides must have bid); a reveal is one-way, so no revision: once revealed → 409 naming who revealed it and when',
  security: AUTHENTICATED,
  request: { params: BiddingParams },
  responses: {
    200: jsonResponse(BiddingSchema, 'The revealed bidding'),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const blindBidRoutes: RouteModule = (app, deps) => {
  app.openapi(list, async (c) => {
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    const items = await listBiddingsForViewer(deps, viewer, negotiation);
    return c.json(
      pageOf(items, c.req.valid('query'), (item) => item.id),
      200,
    );
  });
  app.openapi(open, async (c) => {
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, c.req.valid('param').negotiationId);
    return c.json(await openBidding(deps, viewer, { negotiation, body }), 201);
  });
  app.openapi(getOne, async (c) => {
    const { negotiationId, biddingId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(await getBiddingForViewer(deps, viewer, { negotiation, biddingId }), 200);
  });
  app.openapi(bid, async (c) => {
    const { negotiationId, biddingId } = c.req.valid('param');
    const body = c.req.valid('json');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(await submitBid(deps, viewer, { negotiation, biddingId, body }), 200);
  });
  app.openapi(reveal, async (c) => {
    const { negotiationId, biddingId } = c.req.valid('param');
    const { viewer, negotiation } = await requireNegotiation(c, deps, negotiationId);
    return c.json(await revealBidding(deps, viewer, { negotiation, biddingId }), 200);
  });
};
