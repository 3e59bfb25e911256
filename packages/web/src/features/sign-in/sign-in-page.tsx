import { useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { getInstance, signIn } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { usePageTitle } from '../../components/page-title';
import { maySignUp } from '../accounts/register-form';
import { DemoAccounts } from './demo-accounts';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const next = useSearchParams()[0].get('next') ?? '';
  const invitation = next.startsWith('/invitation') ? next : undefined;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const passwordInput = useRef<HTMLInputElement>(null);
  // Public; if it fails the page still works as a plain sign-in form.
  const instance = useResource(getInstance, []);

  async function attempt(withEmail: string, withPassword: string) {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(withEmail, withPassword);
      onSignedIn();
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
      // The disabled button had the focus, which fell to the page: the password is retyped next.
      // (After the re-render that enables it; the alert is read out by its role.)
      setTimeout(() => passwordInput.current?.focus(), 0);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void attempt(email, password);
  }

  function choose(demoEmail: string) {
    setEmail(demoEmail);
    if (password === '') {
      setError('Type the demo password first.');
      passwordInput.current?.focus();
      return;
    }
    void attempt(demoEmail, password);
  }

  usePageTitle('Sign in');
  const isDemo = instance.state === 'ready' && instance.data.demo;
  // An empty server: its first visitor sets it up instead.
  if (instance.state === 'ready' && instance.data.needsAdmin) return <Navigate to="/register" replace />;
  return (
    <main id="main" className="page sign-in">
      <h1>Sign in to Parley</h1>
      <form onSubmit={submit} className="card form" aria-describedby={error ? 'sign-in-error' : undefined}>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            ref={passwordInput}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p id="sign-in-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {instance.state === 'ready' && <DemoAccounts instance={instance.data} busy={busy} onChoose={choose} />}
      {invitation !== undefined ? (
        // Came from an invitation: its page is where an account is made, whatever the instance allows.
        <p>
          No account yet? <Link to={invitation}>Back to your invitation</Link> to create one.
        </p>
      ) : instance.state === 'ready' && maySignUp(instance.data) ? (
        <p>
          New here? <Link to="/register">Create an account</Link>
        </p>
      ) : (
        !isDemo &&
        instance.state !== 'loading' && (
          <p className="muted">
            New here? Accounts on this server come from an invitation: ask the person who runs your
            negotiation to invite your email address.
          </p>
        )
      )}
    </main>
  );
}
