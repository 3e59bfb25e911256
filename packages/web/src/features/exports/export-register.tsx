import type { ExportKind } from '@parley/core';
import { useResource } from '../../api/use-resource';
import { Show } from '../../components/status';
import { listExports } from './exports-api';

const KIND_NAMES: Record<ExportKind, string> = {
  'plan-version': 'Plan version',
  'point-history': 'Point history',
  'round-minutes': 'Minutes',
  'round-readout': 'Public readout',
  'negotiation-summary': 'Summary',
  record: 'Record',
};

/** Every copy the viewer may fetch again: all of them for the mediator staff, one's own otherwise. */
export function ExportRegister({ negotiationId, refresh }: { negotiationId: string; refresh: number }) {
  const register = useResource(() => listExports(negotiationId), [negotiationId, refresh]);
  return (
    <section className="card" aria-labelledby="register-title">
      <h3 id="register-title">Copies issued</h3>
      <Show resource={register} what="the copies">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No copies yet.</p>
          ) : (
            <div className="table-scroll">
              <p className="muted small">
                Newest first. Each file is exactly the one whose SHA-256 was recorded.
              </p>
              <table aria-label="Copies issued, newest first">
                <thead>
                  <tr>
                    <th scope="col">Issued</th>
                    <th scope="col">What</th>
                    <th scope="col">For</th>
                    <th scope="col">Marked</th>
                    <th scope="col">File</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <td>{item.createdAt.slice(0, 16).replace('T', ' ')}</td>
                      <td>{KIND_NAMES[item.kind]}</td>
                      <td>{item.recipient.displayName}</td>
                      <td>{item.isFingerprinted ? 'fingerprinted' : 'public'}</td>
                      <td>
                        <a href={item.downloadUrl} download={item.fileName}>
                          {item.fileName}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
    </section>
  );
}
