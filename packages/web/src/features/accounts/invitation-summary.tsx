import type { InvitationPreview } from '@parley/core';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/api-error';
import { previewInvitation } from '../../api/setup-endpoints';
import { useResource, type Resource } from '../../api/use-resource';
import { ErrorMessage, Loading } from '../../components/status';
import { formatIn, VIEWER_ZONE } from '../deadlines/zoned-time';
import { FUNCTION_LABELS } from '../delegations/format';

/** The one-time token travels in the link's fragment, which the browser never sends to a server. */
export function useInvitationPreview(token: string): Resource<InvitationPreview> {
  return useResource(
    () =>
      token === ''
        ? Promise.reject(new Error('This link holds no invitation: open the whole link you were sent.'))
        : previewInvitation(token),
    [token],
  );
}

const until = (preview: InvitationPreview) => formatIn(preview.expiresAt, VIEWER_ZONE);

/** “You are invited to join the delegation of Northland in “River accord” as lead. Accept it by …” */
export function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  return (
    <p className="invitation-summary">
      You are invited to join the delegation of <strong>{preview.partyName}</strong> in “
      {preview.negotiationTitle}” as {FUNCTION_LABELS[preview.function].toLowerCase()}
      {preview.title !== '' && <> (“{preview.title}”)</>}. Accept it by {until(preview)}.
    </p>
  );
}

/** Why an invitation that is no longer pending cannot be accepted, in the invitee's words. */
function closedMessage(preview: InvitationPreview): string | undefined {
  const what = `This invitation to the delegation of ${preview.partyName} in “${preview.negotiationTitle}”`;
  switch (preview.status) {
    case 'pending':
      return undefined;
    case 'revoked':
      return `${what} was withdrawn. Ask for a new one if you still need a seat.`;
    case 'expired':
      return `${what} expired on ${until(preview)}. Ask for a new one if you still need a seat.`;
    case 'accepted':
      return `${what} has already been used: whoever accepted it holds the seat.`;
    case 'void':
      return preview.voidReason ?? `${what} can no longer be accepted: ask for a new one.`;
  }
}

/**
 * The invitation's standing: loading, unknown, no longer usable (said instead of any way to accept
 * it), or pending, when `children` offer the next step.
 */
export function InvitationStanding({
  preview,
  children,
}: {
  preview: Resource<InvitationPreview>;
  children: (pending: InvitationPreview) => ReactNode;
}) {
  if (preview.state === 'loading') return <Loading what="your invitation" />;
  if (preview.state === 'error') {
    const isUnknown = preview.error instanceof ApiError && preview.error.status === 404;
    return isUnknown ? (
      <p className="error" role="alert">
        This invitation link is not valid: check that you opened the whole link you were sent.
      </p>
    ) : (
      <ErrorMessage error={preview.error} onRetry={preview.reload} />
    );
  }
  const closed = closedMessage(preview.data);
  if (closed !== undefined)
    return (
      <p className="error" role="alert">
        {closed}
      </p>
    );
  return (
    <>
      <InvitationSummary preview={preview.data} />
      {children(preview.data)}
    </>
  );
}
