import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  type ApiToken,
  type ApiTokenCreated,
} from '@parley/core';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { createApiToken, listApiTokens, revokeApiToken } from '../../api/security-endpoints';
import { useResource } from '../../api/use-resource';
import { useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { Show } from '../../components/status';
import { ScrollRegion } from '../../components/scroll-region';

const day = (instant: string) => instant.slice(0, 10);

/** Bearer tokens for scripts and the CLI: each ends, and its owner can revoke it here (#13). */
export function ApiTokensSection() {
  const tokens = useResource(listApiTokens, []);
  const [created, setCreated] = useState<ApiTokenCreated | undefined>(undefined);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const { signOut } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);

  async function revoke(token: ApiToken) {
    setNotice(undefined);
    try {
      await revokeApiToken(token.id);
      if (created?.id === token.id) setCreated(undefined);
      setNotice({ kind: 'ok', text: `Token “${token.label}” revoked: it no longer works.` });
      tokens.reload();
      // The row and its button are gone: keep keyboard focus in the section, not on the page body.
      heading.current?.focus();
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure) });
    }
  }

  return (
    <section aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title" ref={heading} tabIndex={-1}>
        API tokens
      </h2>
      <p className="muted">
        A token lets a script or the <code>parley</code> command act as you (
        <code>Authorization: Bearer …</code>). It stops working when it expires or when you revoke it.
      </p>
      <CreateTokenForm
        onCreated={(token) => {
          setCreated(token);
          setNotice(undefined);
          tokens.reload();
        }}
      />
      {created !== undefined && <NewTokenSecret token={created} />}
      <FormMessage message={notice} />
      <Show resource={tokens} what="your API tokens">
        {({ items }) => <TokenTable items={items} onRevoke={revoke} />}
      </Show>
      <p>
        <button type="button" className="secondary" onClick={() => signOut({ revokeTokens: true })}>
          Sign out and revoke tokens created in this session
        </button>
      </p>
    </section>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: ApiTokenCreated) => void }) {
  const [label, setLabel] = useState('');
  const [days, setDays] = useState(String(API_TOKEN_DEFAULT_DAYS));
  const { busy, message, submit } = useFormSubmission();
  const onSubmit = submit(async () => {
    onCreated(await createApiToken({ label: label.trim(), expiresInDays: Number(days) }));
    setLabel('');
  }, 'Token created.');
  return (
    <form onSubmit={onSubmit} className="card form" aria-label="Create an API token">
      <label>
        Token name
        <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} />
      </label>
      <label>
        Expires after (days, at most {API_TOKEN_MAX_DAYS})
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={API_TOKEN_MAX_DAYS}
          step={1}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          required
        />
      </label>
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        Create token
      </button>
    </form>
  );
}

/** The secret, once: focused so a keyboard or screen-reader user lands on it. */
function NewTokenSecret({ token }: { token: ApiTokenCreated }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [token.id]);
  return (
    <div className="card" role="region" aria-label="New token">
      <label>
        Your new token “{token.label}” (copy it now: it is not shown again)
        <input ref={input} readOnly value={token.token} className="token-secret" />
      </label>
      <p className="small muted">Expires {day(token.expiresAt)}.</p>
    </div>
  );
}

function TokenTable({
  items,
  onRevoke,
}: {
  items: readonly ApiToken[];
  onRevoke: (token: ApiToken) => void;
}) {
  const now = new Date().toISOString();
  if (items.length === 0) return <p className="muted">You have no API tokens.</p>;
  return (
    <ScrollRegion label="Your API tokens, scrollable">
      <table>
        <caption>Your API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((token) => (
            <tr key={token.id}>
              <th scope="row">
                {token.label}
                {token.isFromThisSession && <span className="muted small"> · this session</span>}
              </th>
              <td>{day(token.createdAt)}</td>
              <td>
                {day(token.expiresAt)}
                {token.expiresAt <= now && <strong> (expired)</strong>}
              </td>
              <td>{token.lastUsedAt === null ? 'never' : day(token.lastUsedAt)}</td>
              <td>
                <button type="button" className="secondary" onClick={() => onRevoke(token)}>
                  Revoke<span className="visually-hidden"> {token.label}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
