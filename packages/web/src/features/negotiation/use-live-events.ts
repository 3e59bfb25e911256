import { useEffect, useState } from 'react';
import { eventStreamUrl } from '../../api/endpoints';
import { retryDelay } from './stream-retry';

const EVENT_TYPES = [
  'version.created',
  'position.changed',
  'amendment.changed',
  'escalation.changed',
  'round.created',
  'statement.created',
  'bidding.changed',
  'proposal.created',
  'members.changed',
  'deadlines.changed',
  'issues.changed',
  'record.created',
  // The server could not replay everything missed while disconnected: reload all.
  'reset',
];

/**
 * Subscribes to the negotiation's event stream (while `enabled`) and returns a counter that changes
 * on each event plus whether the stream is connected. The server only sends events this viewer may see.
 */
export function useLiveEvents(negotiationId: string, enabled = true): { tick: number; connected: boolean } {
  const [tick, setTick] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined' || !enabled) return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let isReconnect = false;
    let refusals = 0;
    const bump = () => setTick((n) => n + 1);
    const connect = () => {
      const opened = new EventSource(eventStreamUrl(negotiationId), { withCredentials: true });
      source = opened;
      opened.addEventListener('ready', () => {
        setConnected(true);
        refusals = 0;
        // What changed while a refused stream was closed was never sent: read again.
        if (isReconnect) bump();
      });
      opened.onerror = () => {
        setConnected(false);
        // A browser retries a dropped stream itself, but gives up on an error answer (a 429 when
        // the account holds too many streams, a 503 while the server restarts): try again later.
        if (opened.readyState !== EventSource.CLOSED) return;
        isReconnect = true;
        refusals += 1;
        retry = setTimeout(connect, retryDelay(refusals));
      };
      for (const type of EVENT_TYPES) opened.addEventListener(type, bump);
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [negotiationId, enabled]);
  return { tick, connected };
}
