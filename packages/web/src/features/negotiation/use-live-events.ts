import { useEffect, useState } from 'react';
import { eventStreamUrl } from '../../api/endpoints';

const EVENT_TYPES = [
  'version.created',
  'position.changed',
  'amendment.changed',
  'escalation.changed',
  'round.created',
  'statement.created',
  'bidding.changed',
  'proposal.created',
  // The server could not replay everything missed while disconnected: reload all.
  'reset',
];

/**
 * Subscribes to the negotiation's event stream and returns a counter that changes on each event
 * plus whether the stream is connected. The server only sends events this viewer may see.
 */
export function useLiveEvents(negotiationId: string): { tick: number; connected: boolean } {
  const [tick, setTick] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(eventStreamUrl(negotiationId), { withCredentials: true });
    const bump = () => setTick((n) => n + 1);
    source.addEventListener('ready', () => setConnected(true));
    source.onerror = () => setConnected(false);
    for (const type of EVENT_TYPES) source.addEventListener(type, bump);
    return () => source.close();
  }, [negotiationId]);
  return { tick, connected };
}
