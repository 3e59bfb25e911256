import {
  assertNever,
  can,
  isMembershipActive,
  type Member,
  type NegotiationRecord,
  type Party,
  type Round,
  type Viewer,
} from '@parley/core';

/** What a copy is made of, as far as who may receive it depends on it. */
export type ExportedMaterial =
  | { readonly kind: 'record'; readonly record: NegotiationRecord | undefined }
  | { readonly kind: 'round-minutes'; readonly round: Round | undefined }
  | { readonly kind: 'open' };

/**
 * A member as the policy sees them here: every seat they hold now, with its party's role. The
 * staff who choose recipients already read the seats, the parties and the chosen material, so
 * asking `can()` in the browser tells them nothing new; the server still decides.
 */
export function memberAsViewer(
  member: Pick<Member, 'userId'>,
  input: { members: readonly Member[]; parties: readonly Party[]; now: Date },
): Viewer {
  const memberships = input.members
    .filter((seat) => seat.userId === member.userId && isMembershipActive(seat, input.now))
    .flatMap((seat) => {
      const party = input.parties.find((candidate) => candidate.id === seat.partyId);
      return party === undefined
        ? []
        : [
            {
              negotiationId: seat.negotiationId,
              partyId: seat.partyId,
              partyRole: party.role,
              function: seat.function,
            },
          ];
    });
  return { userId: member.userId, memberships };
}

/**
 * Whether a recipient may read what the copy holds, by the rules the server refuses a copy by
 * (restricted records, and round minutes for parties not in the room). Everything else every
 * participant reads; material not chosen yet rules no one out.
 */
export function mayReceive(recipient: Viewer, material: ExportedMaterial): boolean {
  switch (material.kind) {
    case 'record':
      return (
        material.record === undefined ||
        can(recipient, 'record.read', {
          kind: 'record',
          negotiationId: material.record.negotiationId,
          owningPartyId: material.record.owningPartyId,
          classification: material.record.classification,
        })
      );
    case 'round-minutes':
      return (
        material.round === undefined ||
        can(recipient, 'round.minutes.read', {
          kind: 'round',
          negotiationId: material.round.negotiationId,
          partiesPresent: material.round.partiesPresent,
        })
      );
    case 'open':
      return true;
    default:
      return assertNever(material);
  }
}

/** The current members, other than the exporter, who may receive a copy of the material. */
export function recipientsFor(
  material: ExportedMaterial,
  input: { members: readonly Member[]; parties: readonly Party[]; selfUserId: string; now: Date },
): Member[] {
  return input.members.filter(
    (member) =>
      member.userId !== input.selfUserId &&
      isMembershipActive(member, input.now) &&
      mayReceive(memberAsViewer(member, input), material),
  );
}
