import { BiddingSchema, BiddingsSchema, type BiddingId, type OpenBiddingRequest } from '@parley/core';
import { requestAllPages } from './all-pages';
import { request } from './client';

// Blind bids on a numeric issue (issue #12 item 5). No endpoint answers a bound.
const biddings = (id: string) => `/api/negotiations/${encodeURIComponent(id)}/biddings`;
const bidding = (id: string, biddingId: BiddingId) => `${biddings(id)}/${encodeURIComponent(biddingId)}`;

export const listBiddings = (id: string) => requestAllPages(biddings(id), BiddingsSchema);

export const openBidding = (id: string, body: OpenBiddingRequest) =>
  request(biddings(id), BiddingSchema, { method: 'POST', body });

export const submitBid = (id: string, biddingId: BiddingId, bound: number) =>
  request(`${bidding(id, biddingId)}/bid`, BiddingSchema, { method: 'PUT', body: { bound } });

export const revealBidding = (id: string, biddingId: BiddingId) =>
  request(`${bidding(id, biddingId)}/reveal`, BiddingSchema, { method: 'POST' });
