import { listRecords } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { Chip } from '../../components/chips';
import { Show } from '../../components/status';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';

const WHO_READS: Record<string, string> = {
  public: 'every participant',
  parties: 'mediator and parties',
  mediator: 'the mediator and the owning party',
  delegation: 'the owning delegation only',
};

export function RecordsPage() {
  const { negotiation, parties, tick } = useNegotiation();
  const records = useResource(() => listRecords(negotiation.id), [negotiation.id, tick]);
  return (
    <Show resource={records} what="records">
      {({ items }) => (
        <>
          <p className="muted">
            Only records you may read are listed. Reading a restricted record is written to the audit log.
          </p>
          <ul className="records">
            {[...items]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((record) => (
                <li key={record.id} className="card">
                  <p>
                    <Chip
                      value={record.classification}
                      title={`Readable by ${WHO_READS[record.classification]}`}
                    />{' '}
                    <span className="muted">
                      {record.kind} · {partyName(parties, record.owningPartyId)} ·{' '}
                      {record.createdAt.slice(0, 10)}
                    </span>
                  </p>
                  <details>
                    <summary>{record.title}</summary>
                    <p className="record-body">{record.body}</p>
                    <p className="muted small">Readable by {WHO_READS[record.classification]}.</p>
                  </details>
                </li>
              ))}
            {items.length === 0 && <li className="muted">No records you may read.</li>}
          </ul>
        </>
      )}
    </Show>
  );
}
