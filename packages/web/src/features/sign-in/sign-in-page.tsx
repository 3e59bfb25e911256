import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-error';
import { getInstance, signIn } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { DemoAccounts } from './demo-accounts';

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
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

  const isDemo = instance.state === 'ready' && instance.data.demo;
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
      {!isDemo && instance.state !== 'loading' && (
        <p className="muted">Ask the person who runs this server for an account or an invitation.</p>
      )}
    </main>
  );
}
