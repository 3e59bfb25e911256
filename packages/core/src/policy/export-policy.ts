import type { ExportResource, NegotiationResource } from './resources';
import { isMediatorStaff, isMemberOf, isParticipant, type Viewer } from './viewer';

/** Fingerprinted exports of the plan (issue 8). */
export const EXPORT_POLICY = {
  /** Every participant may take a copy of what they can read (the mediator may also export for others). */
  'export.create': (viewer: Viewer, resource: NegotiationResource) =>
    isParticipant(viewer, resource.negotiationId),
  /** Tracing names recipients of leaked text: only the mediator staff, who hold the fingerprint keys. */
  'export.trace': (viewer: Viewer, resource: NegotiationResource) =>
    isMediatorStaff(viewer, resource.negotiationId),
  /**
   * A copy's file: its recipient while still sitting for the party they received it in, and the
   * mediator staff who make copies for others. A recipient now seated by another party no longer
   * fetches it: it holds what their former delegation let them read (a security probe downloaded
   * Ukraine's internal note as a Russian delegate). Anyone else must not learn that the copy
   * exists (who received what is itself restricted).
   */
  'export.download': (viewer: Viewer, resource: ExportResource) =>
    isMediatorStaff(viewer, resource.negotiationId) ||
    (viewer.userId !== null &&
      viewer.userId === resource.recipientUserId &&
      resource.recipientPartyIds.some((partyId) => isMemberOf(viewer, resource.negotiationId, partyId))),
};
