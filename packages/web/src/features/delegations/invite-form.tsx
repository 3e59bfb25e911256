import type { MemberFunction, Party } from '@parley/core';
import { useId, useRef, useState } from 'react';
import { invite } from '../../api/setup-endpoints';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { FUNCTION_LABELS } from './format';

// An example title for the function chosen: "Head of delegation" offered for a delegate or an
// analyst suggested the wrong seat.
const TITLE_EXAMPLES: Record<MemberFunction, string> = {
  lead: 'Head of delegation',
  delegate: 'Deputy head of delegation',
  analyst: 'Legal adviser',
  principal: 'Foreign minister',
};

/**
 * Invites an email into a delegation. Parley sends no mail: the inviter gets the one-time link to
 * pass on (the server logs the message it would have sent).
 */
export function InviteForm({
  party,
  onlyLead,
  withdrawnIds = [],
}: {
  party: Party;
  onlyLead: boolean;
  /** Invitations withdrawn since: their links are dead, so neither they nor "created" are shown. */
  withdrawnIds?: readonly string[];
}) {
  const { negotiation, refresh } = useNegotiation();
  const [email, setEmail] = useState('');
  const [fn, setFn] = useState<MemberFunction>(onlyLead ? 'lead' : 'delegate');
  const [title, setTitle] = useState('');
  const [link, setLink] = useState<
    { invitationId: string; email: string; url: string; replacedSome: boolean } | undefined
  >(undefined);
  const [copied, setCopied] = useState(false);
  const linkField = useRef<HTMLInputElement>(null);
  const { busy, message, submit, fieldError } = useFormSubmission();
  const emailErrorId = useId();

  const onSubmit = submit(async () => {
    const created = await invite(negotiation.id, party.id, { email, function: fn, title });
    setLink({
      invitationId: created.invitation.id,
      email: created.invitation.email,
      url: `${window.location.origin}/invitation#${created.token}`,
      replacedSome: created.replaced.length > 0,
    });
    setCopied(false);
    setEmail('');
    setTitle('');
    refresh();
    // The link is what the inviter needs next: take them (and a screen reader) there.
    requestAnimationFrame(() => linkField.current?.focus());
  }, 'Invitation created.');

  async function copy() {
    if (link === undefined) return;
    await navigator.clipboard?.writeText(link.url).catch(() => undefined);
    linkField.current?.select();
    setCopied(true);
  }

  const emailError = fieldError('email');
  const isWithdrawn = link !== undefined && withdrawnIds.includes(link.invitationId);
  return (
    <form onSubmit={onSubmit} className="form" aria-label={`Invite to ${party.name}`}>
      <label>
        Email
        <input
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={emailError !== undefined}
          aria-describedby={emailError === undefined ? undefined : emailErrorId}
        />
        <FieldError id={emailErrorId} text={emailError} />
      </label>
      <label>
        Function
        <select value={fn} onChange={(e) => setFn(e.target.value as MemberFunction)} disabled={onlyLead}>
          {(onlyLead ? (['lead'] as const) : (['delegate', 'analyst', 'principal'] as const)).map((value) => (
            <option key={value} value={value}>
              {FUNCTION_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Title shown to others (optional)
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={TITLE_EXAMPLES[fn]} />
      </label>
      <FormMessage message={isWithdrawn ? undefined : message} />
      <button type="submit" disabled={busy}>
        {onlyLead ? 'Invite the lead' : 'Invite'}
      </button>
      {link && !isWithdrawn && (
        <div className="invitation-link">
          <label>
            Invitation link for {link.email} (Parley sends no mail: pass it on yourself; it works once)
            <input ref={linkField} readOnly value={link.url} onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy link'}
          </button>
          {link.replacedSome && (
            <p className="muted small">
              {link.email} had a link already: it no longer works, only this one does.
            </p>
          )}
        </div>
      )}
    </form>
  );
}
