import type { Instance } from '@parley/core';

/**
 * On a demo instance: the demo accounts and what each sees, each with a button that signs in as
 * that account with the password typed above (so a visitor can try every point of view). The
 * server never sends the password (issue #13); it is printed at start and in the README.
 */
export function DemoAccounts({
  instance,
  busy,
  onChoose,
}: {
  instance: Instance;
  busy: boolean;
  onChoose: (email: string) => void;
}) {
  if (!instance.demo || instance.demoAccounts.length === 0) return null;
  return (
    <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Demo accounts</h2>
      <p>
        This is a demo instance. Every account uses the demo password printed when the server started (and
        written in the README): type it above, then choose an account.
      </p>
      <ul className="compact">
        {instance.demoAccounts.map((account) => (
          <li key={account.email} className="demo-account">
            <div>
              <strong>{account.email}</strong>
              <span className="muted small"> — {account.sees}</span>
            </div>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => onChoose(account.email)}
            >
              Sign in as {account.email}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
