import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { getInstance } from '../../api/endpoints';
import { acceptInvitation } from '../../api/setup-endpoints';
import { useResource } from '../../api/use-resource';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../components/page-title';
import { RegisterForm } from './register-form';

/** The one-time token travels in the link's fragment, which the browser never sends to a server. */
function useInvitationToken(): string {
  return useLocation().hash.replace(/^#/, '');
}

/** Signed out: create the invited account (or sign in), then come back here to accept. */
export function InvitationSignedOutPage({ onSignedIn }: { onSignedIn: () => void }) {
  const token = useInvitationToken();
  const instance = useResource(getInstance, []);
  usePageTitle('Your invitation');
  const next = encodeURIComponent(`/invitation#${token}`);
  return (
    <main id="main" className="page sign-in">
      <h1>You are invited to a negotiation</h1>
      <p>
        Create your account with the email address the invitation was sent to, or{' '}
        <Link to={`/signin?next=${next}`}>sign in</Link> if you already have one. You accept the invitation on
        the next page.
      </p>
      {instance.state !== 'loading' && (
        <RegisterForm onSignedIn={onSignedIn} invitationToken={token} submitLabel="Create account" />
      )}
    </main>
  );
}

/** Signed in: accept the seat the invitation offers. */
export function InvitationPage() {
  const token = useInvitationToken();
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  usePageTitle('Your invitation');

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
      <h1>Your invitation</h1>
      <p>
        Accept to take your seat in the delegation as <strong>{me.user.email}</strong>. The invitation must
        have been sent to this address.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void accept()} disabled={busy || token === ''}>
        {busy ? 'Accepting…' : 'Accept the invitation'}
      </button>
    </>
  );
}
