import type { Instance } from '@parley/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { signIn } from '../../api/endpoints';
import { register } from '../../api/setup-endpoints';

/**
 * Creates an account, then signs in with it. The server answers a taken email exactly like a
 * new one, so a failed sign-in afterwards is the only sign: the message says what to do.
 */
export function RegisterForm({
  onSignedIn,
  invitationToken,
  initialEmail = '',
  submitLabel,
}: {
  onSignedIn: () => void;
  invitationToken?: string;
  /** The address an invitation was sent to: the account must have it, so it is filled in. */
  initialEmail?: string;
  submitLabel: string;
}) {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  // An address the server refused (not the invited one): marked, and where the focus goes to fix it.
  const [isEmailRefused, setEmailRefused] = useState(false);
  const emailField = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useEffect(() => {
    if (isEmailRefused) emailField.current?.focus();
  }, [isEmailRefused]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setEmailRefused(false);
    try {
      await register({ email, displayName, password, invitationToken });
    } catch (failure) {
      setError(errorMessage(failure));
      setEmailRefused(failure instanceof ApiError && failure.fieldMessage('email') !== undefined);
      setBusy(false);
      return;
    }
    try {
      await signIn(email, password);
      onSignedIn();
    } catch {
      setError('This email already has an account: sign in with its own password instead.');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="card form" aria-label={submitLabel}>
      <label>
        Your name, as others will see it
        <input
          required
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </label>
      <label>
        Email
        <input
          type="email"
          required
          autoComplete="username"
          ref={emailField}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={isEmailRefused}
          aria-describedby={isEmailRefused ? errorId : undefined}
        />
      </label>
      <label>
        Password (at least 10 characters)
        <input
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : submitLabel}
      </button>
    </form>
  );
}

/** Whether this visitor may create an account without an invitation. */
export function maySignUp(instance: Instance): boolean {
  return instance.needsAdmin || instance.settings.signup === 'open';
}
