/**
 * How long after the server refused a stream it is asked again: twice after 10 s (a 429 clears as
 * soon as another tab closes, a 503 once the server is back), then twice as long each time up to
 * about three minutes, so a stream that can never open (the negotiation gone, the seat ended)
 * costs a request now and then, not every 10 s for as long as the tab stays open.
 */
const RETRY_MS = 10_000;
const PROMPT_RETRIES = 2;
const MAX_RETRY_MS = 160_000;

/** The wait before asking again after the `refusals`-th refusal in a row (1 = the first). */
export const retryDelay = (refusals: number) =>
  Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** Math.max(0, refusals - PROMPT_RETRIES));
