import type { Instance } from '@parley/core';

/**
 * On a demo instance: the demo accounts, what each sees and the shared password, each with a
 * button that signs in as that account (so a visitor can try every point of view).
 */
export function DemoAccounts({
  instance,
  busy,
  onChoose,
}: {
  instance: Instance;
  busy: boolean;
  onChoose: (email: string, password: string) => void;
}) {
  const password = instance.demoPassword;
  if (!instance.demo || password === null || instance.demoAccounts.length === 0) return null;
  return (
    <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Demo accounts</h2>
      <p>
        This is a demo instance. Every account uses the password <code>{password}</code>.
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
              onClick={() => onChoose(account.email, password)}
            >
              Sign in as {account.email}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
