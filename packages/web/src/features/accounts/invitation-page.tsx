import type { InvitationPreview } from '@parley/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { getInstance } from '../../api/endpoints';
import { acceptInvitation } from '../../api/setup-endpoints';
import { useResource } from '../../api/use-resource';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../components/page-title';
import { InvitationStanding, useInvitationPreview } from './invitation-summary';
import { RegisterForm } from './register-form';

/** The one-time token travels in the link's fragment, which the browser never sends to a server. */
function useInvitationToken(): string {
  return useLocation().hash.replace(/^#/, '');
}

/** Signed out: what the invitation is for, then create the invited account (or sign in) to accept it. */
export function InvitationSignedOutPage({ onSignedIn }: { onSignedIn: () => void }) {
  const token = useInvitationToken();
  const preview = useInvitationPreview(token);
  const instance = useResource(getInstance, []);
  usePageTitle('Your invitation');
  const next = encodeURIComponent(`/invitation#${token}`);
  return (
    <main id="main" className="page sign-in">
      <h1>You are invited to a negotiation</h1>
      <InvitationStanding preview={preview}>
        {(pending) => (
          <>
            <p>
              Create your account with <strong>{pending.email}</strong>, the address the invitation was sent
              to, or <Link to={`/signin?next=${next}`}>sign in</Link> if you already have one. You accept the
              invitation on the next page.
            </p>
            {instance.state !== 'loading' && (
              <RegisterForm
                onSignedIn={onSignedIn}
                invitationToken={token}
                initialEmail={pending.email}
                submitLabel="Create account"
              />
            )}
          </>
        )}
      </InvitationStanding>
    </main>
  );
}

/** Signed in: what the invitation is for, then accept the seat it offers. */
export function InvitationPage() {
  const token = useInvitationToken();
  const preview = useInvitationPreview(token);
  usePageTitle('Your invitation');
  // Arrived here by creating the account on the signed-out page, whose form is gone: the focus
  // starts at this page's heading rather than the body.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body) heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Your invitation
      </h1>
      <InvitationStanding preview={preview}>
        {(pending) => <AcceptInvitation token={token} pending={pending} />}
      </InvitationStanding>
    </>
  );
}

function AcceptInvitation({ token, pending }: { token: string; pending: InvitationPreview }) {
  const { me, refresh, signOut } = useSession();
  const navigate = useNavigate();
  const isInvitee = pending.email === me.user.email;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function accept() {
    setBusy(true);
    setError(undefined);
    try {
      const seat = await acceptInvitation(token);
      refresh();
      await navigate(`/n/${seat.negotiationId}`);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <>
      {isInvitee ? (
        <p>Accept to take your seat in the delegation as {me.user.email}.</p>
      ) : (
        <p className="error">
          The invitation was sent to <strong>{pending.email}</strong>, but you are signed in as{' '}
          <strong>{me.user.email}</strong>: sign out here, and this page lets you sign in or register with the
          invited address.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {/* Accepting as another account can only fail: it was offered, and answered with a vague refusal. */}
      {isInvitee ? (
        <button type="button" onClick={() => void accept()} disabled={busy}>
          {busy ? 'Accepting…' : 'Accept the invitation'}
        </button>
      ) : (
        <button type="button" onClick={() => signOut()}>
          Sign out of {me.user.email}
        </button>
      )}
    </>
  );
}
