import type { Round } from '../../schemas/plan-rounds';

type RoundNaming = Pick<Round, 'name' | 'place' | 'startsOn'>;

// The place is optional free text, not trimmed by the server: blank means none was given.
const placeOf = (round: RoundNaming) => round.place.trim();

/** A round's heading: "Geneva round 1 (Geneva)", or just the name when no place was given. */
export function roundTitle(round: RoundNaming): string {
  const place = placeOf(round);
  return place === '' ? round.name : `${round.name} (${place})`;
}

/** A round as one line of a list or a select: name · place · first day, skipping a missing place. */
export function roundSummary(round: RoundNaming): string {
  return [round.name, placeOf(round), round.startsOn].filter((part) => part !== '').join(' · ');
}
