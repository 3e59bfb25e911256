import { SearchResultsSchema } from '@parley/core';
import { request } from './client';

/** Words found in what the signed-in user may read of one negotiation (the server decides what). */
export const searchNegotiation = (negotiationId: string, query: string) =>
  request(
    `/api/negotiations/${encodeURIComponent(negotiationId)}/search?q=${encodeURIComponent(query)}`,
    SearchResultsSchema,
  );
