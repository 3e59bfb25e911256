/** Minutes east of UTC of `zone` at instant `utcMs` (e.g. Europe/Zurich in winter: 60). */
function offsetMinutes(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time typed for a zone (a `datetime-local` value, "2026-03-01T17:00") as an ISO
 * instant. Deadlines are set in the negotiation's zone, whatever the mediator's own clock says.
 * Twice round the loop settles the offset across a daylight-saving change.
 */
export function zonedInputToIso(value: string, zone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let utc = wall - offsetMinutes(wall, zone) * 60_000;
  utc = wall - offsetMinutes(utc, zone) * 60_000;
  return new Date(utc).toISOString();
}

/** The current minute as a `datetime-local` value on the wall clock of `zone`. */
export function nowInputIn(zone: string, now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(minute + offsetMinutes(minute, zone) * 60_000).toISOString().slice(0, 16);
}

/** Today's date (a `date` input's value) on the wall calendar of `zone`, not of UTC. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return nowInputIn(zone, now).slice(0, 10);
}

/** An instant as a reader in `zone` would write it: "1 Mar 2026, 17:00 (Europe/Zurich)". */
export function formatIn(iso: string, zone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(new Date(iso));
  return `${text} (${zone})`;
}

/** The calendar day of an instant in `zone`, with the month in words: "1 Dec 2026". */
export function formatDateIn(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: zone }).format(new Date(iso));
}

/**
 * A calendar date as people write it: "2026-12-10" → "10 Dec 2026" (read at noon UTC, so no
 * zone moves it to another day). Anything that is not such a date is returned as it came.
 */
export function formatCalendarDate(date: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0];
  return day === undefined ? date : formatDateIn(`${day}T12:00:00Z`, 'UTC');
}

/** A round's days as every other date reads ("3 Dec 2026", "3 Dec 2026 – 4 Dec 2026"), one date when they are one day. */
export function formatDateRange(first: string, last: string): string {
  return first === last
    ? formatCalendarDate(first)
    : `${formatCalendarDate(first)} – ${formatCalendarDate(last)}`;
}

/** The viewer's own zone, as the browser reports it. */
export const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
