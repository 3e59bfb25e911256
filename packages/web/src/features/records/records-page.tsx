import { listRecords } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { Chip } from '../../components/chips';
import { Show } from '../../components/status';
import { may, useSession } from '../../app/session';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { RecordForm } from './record-form';
import { WHO_READS } from './who-reads';
import { useScrollToHash } from '../../components/use-scroll-to-hash';
import { formatCalendarDate } from '../deadlines/zoned-time';

export function RecordsPage() {
  const { negotiation, parties, tick } = useNegotiation();
  const { me } = useSession();
  const records = useResource(() => listRecords(negotiation.id), [negotiation.id, tick]);
  const target = useScrollToHash(records.state === 'ready');
  const ownParties = parties.filter((party) =>
    may(me, 'record.create', {
      kind: 'record',
      negotiationId: party.negotiationId,
      owningPartyId: party.id,
      classification: 'delegation',
    }),
  );
  return (
    <>
      <h2 className="visually-hidden">Records</h2>
      {ownParties.length > 0 && <RecordForm ownParties={ownParties} />}
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
                  <li key={record.id} id={`record-${record.id}`} className="card">
                    <p>
                      <Chip
                        value={record.classification}
                        title={`Readable by ${WHO_READS[record.classification]}`}
                      />{' '}
                      <span className="muted">
                        {record.kind} · {partyName(parties, record.owningPartyId)} ·{' '}
                        {formatCalendarDate(record.createdAt)}
                      </span>
                    </p>
                    <details open={target === `record-${record.id}` ? true : undefined}>
                      <summary>
                        <bdi>{record.title}</bdi>
                      </summary>
                      <p className="record-body" dir="auto">
                        {record.body}
                      </p>
                      <p className="muted small">Readable by {WHO_READS[record.classification]}.</p>
                    </details>
                  </li>
                ))}
              {items.length === 0 && <li className="muted">No records you may read.</li>}
            </ul>
          </>
        )}
      </Show>
    </>
  );
}
