import { BiddingSchema, BiddingsSchema, type BiddingId, type OpenBiddingRequest } from '@parley/core';
import { requestAllPages } from './all-pages';
import { request } from './client';

// Blind bids on a numeric issue (issue #12 item 5). No endpoint answers a bound.
const biddings = (id: string) => `/api/negotiations/${encodeURIComponent(id)}/biddings`;
const bidding = (id: string, biddingId: BiddingId) => `${biddings(id)}/${encodeURIComponent(biddingId)}`;

export const listBiddings = (id: string) => requestAllPages(biddings(id), BiddingsSchema);

export const openBidding = (id: string, body: OpenBiddingRequest) =>
  request(biddings(id), BiddingSchema, { method: 'POST', body });

export const getBidding = (id: string, biddingId: BiddingId) =>
  request(bidding(id, biddingId), BiddingSchema);

/** `baseRevision`: the revision of the side's bid the form was based on (0: none); stale → 409. */
export const submitBid = (id: string, biddingId: BiddingId, body: { bound: number; baseRevision: number }) =>
  request(`${bidding(id, biddingId)}/bid`, BiddingSchema, { method: 'PUT', body });

export const revealBidding = (id: string, biddingId: BiddingId) =>
  request(`${bidding(id, biddingId)}/reveal`, BiddingSchema, { method: 'POST' });
