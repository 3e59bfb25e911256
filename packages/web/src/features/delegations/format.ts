/** An instant in the negotiation's time zone, naming the zone: "28 Nov 2025, 14:00 (Europe/Geneva)". */
export function formatInZone(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/** A `datetime-local` value (the viewer's clock) as an ISO instant; now when empty. */
export function localInputToIso(value: string): string {
  return (value === '' ? new Date() : new Date(value)).toISOString();
}

/** Now, as a `datetime-local` value in the viewer's clock. */
export function nowForInput(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export const FUNCTION_LABELS = {
  lead: 'Lead',
  delegate: 'Delegate',
  principal: 'Principal',
  analyst: 'Analyst',
} as const;
