import type { InvitationPreview, PendingInvitation } from '@parley/core';

// Field by field, like every presenter: a column added later never reaches a client by accident.

export const presentPendingInvitation = (invitation: PendingInvitation): PendingInvitation => ({
  id: invitation.id,
  negotiationId: invitation.negotiationId,
  partyId: invitation.partyId,
  email: invitation.email,
  function: invitation.function,
  title: invitation.title,
  createdAt: invitation.createdAt,
  expiresAt: invitation.expiresAt,
  sentBy: { userId: invitation.sentBy.userId, displayName: invitation.sentBy.displayName },
});

export const presentInvitationPreview = (preview: InvitationPreview): InvitationPreview => ({
  negotiationTitle: preview.negotiationTitle,
  partyName: preview.partyName,
  function: preview.function,
  title: preview.title,
  expiresAt: preview.expiresAt,
  email: preview.email,
  status: preview.status,
  voidReason: preview.voidReason,
});
