import { useEffect, useState } from 'react';
import { formatIn } from '../deadlines/zoned-time';

/**
 * "18 Dec 2026, 17:00 (Europe/Zurich) — 2 days 4 h left" or "… passed 3 days ago", refreshed every
 * minute; in the negotiation's zone, as the Deadlines page says it.
 */
export function Countdown({ dueAt, timeZone }: { dueAt: string; timeZone: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const due = Date.parse(dueAt);
  const ms = due - now;
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.floor((abs % 3_600_000) / 60_000);
  const span = days > 0 ? `${days} day${days === 1 ? '' : 's'} ${hours} h` : `${hours} h ${minutes} min`;
  return (
    <p className={`countdown ${ms < 0 ? 'past' : ''}`}>
      <time dateTime={dueAt}>{formatIn(dueAt, timeZone)}</time>
      {' — '}
      <strong>{ms < 0 ? `passed ${span} ago` : `${span} left`}</strong>
    </p>
  );
}
