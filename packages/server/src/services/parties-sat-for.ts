import type { Member, PartyId } from '@parley/core';

/**
 * The parties `userId` sat for at `at`, from the negotiation's seats (every seat ever held, with
 * its dates). Not every party they ever sat for: a member who moved to another delegation speaks
 * for the new one only, and what they did or received before belongs to the old one.
 */
export function partiesSatFor(
  seats: readonly Member[],
  input: { userId: string | null; at: Date | string },
): PartyId[] {
  if (input.userId === null) return [];
  const instant = new Date(input.at).getTime();
  const seated = seats.filter(
    (seat) =>
      seat.userId === input.userId &&
      Date.parse(seat.validFrom) <= instant &&
      (seat.validTo === null || instant < Date.parse(seat.validTo)),
  );
  return [...new Set(seated.map((seat) => seat.partyId))];
}
