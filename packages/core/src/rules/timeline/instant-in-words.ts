/**
 * An instant as a person reads it in a message, in the negotiation's time zone and naming it:
 * "1 Dec 2026, 05:36 (Europe/Zurich)", not "2026-12-01T04:36:38.885Z".
 */
export function instantInWords(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const words = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
  return `${words} (${timeZone})`;
}
