import type { AuditChainStatus, AuditEntry } from '@parley/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { getAuditLog, listMembers } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { ErrorMessage, Show } from '../../components/status';
import { useNegotiation } from '../negotiation/negotiation-context';
import { CheckpointDownload, VerifyEntryButton } from './audit-proof-controls';
import { foldRepeatedReads } from './repeated-reads';
import { ACTION_FAMILIES, actorName, describeAction, describeDetail, type Names } from './describe-entry';
import { labelPath, listedSubjects, subjectLabel, type SubjectLabel } from './subject-label';

const PAGE_SIZE = 25;

type Older = {
  items: AuditEntry[];
  nextCursor: string | null;
  state: 'idle' | 'loading' | { error: unknown };
};

/** The audit log as the server lets this viewer see it: entries about material it may not see never arrive. */
export function AuditPage() {
  const { negotiation, parties } = useNegotiation();
  const [family, setFamily] = useState('');
  const [older, setOlder] = useState<Older | undefined>(undefined);
  const first = useResource(async () => {
    setOlder(undefined);
    const [page, members] = await Promise.all([
      getAuditLog(negotiation.id, { limit: PAGE_SIZE, ...(family === '' ? {} : { action: family }) }),
      listMembers(negotiation.id),
    ]);
    return { page, members: members.items };
  }, [negotiation.id, family]);

  function loadOlder(cursor: string) {
    setOlder((previous) => ({ items: previous?.items ?? [], nextCursor: cursor, state: 'loading' }));
    getAuditLog(negotiation.id, {
      cursor,
      limit: PAGE_SIZE,
      ...(family === '' ? {} : { action: family }),
    }).then(
      (page) =>
        setOlder((previous) => ({
          items: [...(previous?.items ?? []), ...page.items],
          nextCursor: page.nextCursor,
          state: 'idle',
        })),
      (error: unknown) =>
        setOlder((previous) => ({ items: previous?.items ?? [], nextCursor: cursor, state: { error } })),
    );
  }

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <p className="muted">
        Every change and every reading of restricted material, newest first, in a hash chain that shows any
        edit or deletion. You see the entries about your own delegation&rsquo;s material and about public
        material; the mediator's lead and delegates see every entry.
      </p>
      <div className="toolbar">
        <label>
          Show
          <select value={family} onChange={(event) => setFamily(event.target.value)}>
            {ACTION_FAMILIES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Show resource={first} what="the audit log">
        {({ page, members }) => {
          const names: Names = { parties, members };
          const items = [...page.items, ...(older?.items ?? [])];
          const cursor = older === undefined ? page.nextCursor : older.nextCursor;
          return (
            <>
              <ChainStatus chain={page.chain} />
              <CheckpointDownload negotiationId={negotiation.id} />
              <ol className="audit-entries" aria-label="Audit entries">
                {foldRepeatedReads(items).map(({ entry, repeats }) => (
                  <AuditEntryRow
                    key={entry.id}
                    entry={entry}
                    names={names}
                    negotiationId={negotiation.id}
                    repeats={repeats}
                  />
                ))}
                {items.length === 0 && (
                  <li className="muted">
                    No entries{family === '' ? '' : ' of this kind'} that you may see.
                  </li>
                )}
              </ol>
              {older !== undefined && typeof older.state === 'object' && (
                <ErrorMessage error={older.state.error} />
              )}
              {cursor !== null && (
                <button
                  type="button"
                  className="secondary"
                  disabled={older?.state === 'loading'}
                  onClick={() => loadOlder(cursor)}
                >
                  {older?.state === 'loading' ? 'Loading older entries…' : 'Older entries'}
                </button>
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}

function ChainStatus({ chain }: { chain: AuditChainStatus }) {
  const checked = `checked ${chain.checkedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return chain.verified ? (
    <p className="chain chain-ok" role="status">
      <strong>✓ Hash chain verified</strong>{' '}
      <span className="small">— no entry was edited or removed ({checked})</span>
    </p>
  ) : (
    <p className="chain chain-broken" role="alert">
      <strong>✗ Hash chain broken</strong>{' '}
      <span className="small">
        — {chain.problem ?? 'an entry was edited or removed'} ({checked})
      </span>
    </p>
  );
}

function AuditEntryRow({
  entry,
  names,
  negotiationId,
  repeats = [],
}: {
  entry: AuditEntry;
  names: Names;
  negotiationId: string;
  repeats?: readonly AuditEntry[];
}) {
  const details = describeDetail(entry, names);
  const subject = subjectLabel(entry, names);
  return (
    <li className="audit-entry">
      <time dateTime={entry.at} className="muted small">
        {utcMinute(entry.at)}
      </time>
      <p className="audit-what">
        <strong>{actorName(entry, names)}</strong> {describeAction(entry.action, entry.detail)}
        {subject !== undefined && (
          <span className="audit-subject" title={entry.subjectId ?? undefined}>
            {' '}
            · <LabelText label={subject} negotiationId={negotiationId} />
          </span>
        )}
      </p>
      {listedSubjects(entry).map(({ count, items }) => (
        <p key={count} className="audit-listed small">
          {count}: <LabelList items={items.slice(0, LISTED_AT_FIRST)} negotiationId={negotiationId} />
          {items.length > LISTED_AT_FIRST && (
            <details>
              <summary>and {items.length - LISTED_AT_FIRST} more</summary>
              <LabelList items={items.slice(LISTED_AT_FIRST)} negotiationId={negotiationId} />
            </details>
          )}
        </p>
      ))}
      <p className="audit-detail small">
        <code className="audit-action">{entry.action}</code>
        {details.map((phrase) => (
          <span key={phrase}> · {phrase}</span>
        ))}
        {entry.redacted && (
          <>
            {' · '}
            <span
              className="chip chip-withheld"
              title="The entry names material you may not open; its id is withheld."
            >
              details withheld
            </span>
          </>
        )}
        {entry.ip !== null && <span className="muted"> · from {entry.ip}</span>}
      </p>
      <VerifyEntryButton negotiationId={negotiationId} entryId={entry.id} />
      {repeats.length > 0 && (
        <details className="audit-repeats">
          <summary className="small">
            and {repeats.length} identical {repeats.length === 1 ? 'read' : 'reads'} before it, back to{' '}
            {utcMinute(repeats.at(-1)!.at)}
          </summary>
          <ol className="audit-entries" aria-label="Identical reads">
            {repeats.map((repeat) => (
              <AuditEntryRow key={repeat.id} entry={repeat} names={names} negotiationId={negotiationId} />
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

/** A read of a whole list names its first few; the rest open on request (a list may hold dozens). */
const LISTED_AT_FIRST = 5;

function LabelList({ items, negotiationId }: { items: readonly SubjectLabel[]; negotiationId: string }) {
  return items.map((item, index) => (
    <span key={index}>
      {index > 0 && ', '}
      <LabelText label={item} negotiationId={negotiationId} />
    </span>
  ));
}

/** A label, as a link where the viewer may open what it names. */
function LabelText({ label, negotiationId }: { label: SubjectLabel; negotiationId: string }) {
  return label.opens === null ? (
    <>{label.text}</>
  ) : (
    <Link to={labelPath(negotiationId, label.opens)}>{label.text}</Link>
  );
}

const utcMinute = (at: string) => `${at.slice(0, 16).replace('T', ' ')} UTC`;
