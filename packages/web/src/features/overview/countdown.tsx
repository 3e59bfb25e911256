import { useEffect, useState } from 'react';

/** "2 days 4 h left" or "passed 3 days ago", refreshed every minute. */
export function Countdown({ dueAt }: { dueAt: string }) {
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
      <time dateTime={dueAt}>
        {new Date(dueAt).toLocaleString(undefined, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'UTC',
        })}{' '}
        UTC
      </time>
      {' — '}
      <strong>{ms < 0 ? `passed ${span} ago` : `${span} left`}</strong>
    </p>
  );
}
