import { formatIn, VIEWER_ZONE, zonedInputToIso } from './zoned-time';

/**
 * Beside a time typed in the negotiation's zone: the same instant on the viewer's own clock, so a
 * mediator in another zone sees what they set. Nothing when the zones agree or the time is partial.
 */
export function YourTimeHint({ typed, zone }: { typed: string; zone: string }) {
  const instant = zonedInputToIso(typed, zone);
  if (instant === undefined || zone === VIEWER_ZONE) return null;
  return (
    <p className="muted small" aria-live="polite">
      Your time: {formatIn(instant, VIEWER_ZONE)}
    </p>
  );
}
