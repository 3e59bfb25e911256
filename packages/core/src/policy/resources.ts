import type { NegotiationId, PartyId } from '../ids';
import type { PartyRole } from '../schemas/parties';
import type { Classification } from '../schemas/records';

/** Resources as the policy sees them: only the loaded facts a decision needs. */
export type GlobalResource = { readonly kind: 'global' };
/** The instance's own settings: who may open a negotiation (`admins` or `anyone` signed in). */
export type InstanceResource = {
  readonly kind: 'instance';
  readonly negotiationCreation: 'anyone' | 'admins';
};
export type NegotiationResource = { readonly kind: 'negotiation'; readonly negotiationId: NegotiationId };
export type PartyResource = {
  readonly kind: 'party';
  readonly negotiationId: NegotiationId;
  readonly partyId: PartyId;
  readonly partyRole: PartyRole;
};
/** A party's delegation seats, for rules that need no more than whose they are. */
export type PartySeatsResource = Pick<PartyResource, 'kind' | 'negotiationId' | 'partyId'>;
/** A party's delegation with the one fact set-up rules need: whether it has ever had a lead seat (past, present or scheduled). */
export type DelegationResource = {
  readonly kind: 'delegation';
  readonly negotiationId: NegotiationId;
  readonly partyId: PartyId;
  readonly partyRole: PartyRole;
  readonly hasLead: boolean;
};
export type RecordResource = {
  readonly kind: 'record';
  readonly negotiationId: NegotiationId;
  readonly owningPartyId: PartyId;
  readonly classification: Classification;
};
/** A party's position (or amendment, read as `mediator`) as the policy sees it. */
export type PositionResource = {
  readonly kind: 'position';
  readonly negotiationId: NegotiationId;
  readonly partyId: PartyId;
  readonly visibility: 'private' | 'mediator' | 'parties';
};
export type RoundResource = {
  readonly kind: 'round';
  readonly negotiationId: NegotiationId;
  readonly partiesPresent: readonly PartyId[];
};
/** A simulation job: owned by one account. */
export type SimulationResource = { readonly kind: 'simulation'; readonly ownerId: string };
/** A bearer API token: owned by one account. */
export type ApiTokenResource = { readonly kind: 'api-token'; readonly ownerId: string };
/** A recorded export: its file belongs to one recipient, who received it as a member of a party. */
export type ExportResource = {
  readonly kind: 'export';
  readonly negotiationId: NegotiationId;
  readonly recipientUserId: string;
  /** The parties the recipient sat for when the copy was made: what it holds was read with their access. */
  readonly recipientPartyIds: readonly PartyId[];
};
/** A delegation's private preference profile: shared with the mediator or not. */
export type ProfileResource = {
  readonly kind: 'profile';
  readonly negotiationId: NegotiationId;
  readonly partyId: PartyId;
  readonly sharedWithMediator: boolean;
};
/** A blind bidding between two negotiating parties (docs/live-analysis.md, "Blind bids"). */
export type BiddingResource = {
  readonly kind: 'bidding';
  readonly negotiationId: NegotiationId;
  readonly givingPartyId: PartyId;
  readonly takingPartyId: PartyId;
};
