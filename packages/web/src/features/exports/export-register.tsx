import { useResource } from '../../api/use-resource';
import { Show } from '../../components/status';
import { formatIn } from '../deadlines/zoned-time';
import { listExports } from './exports-api';
import { EXPORT_FORMAT_NAMES, EXPORT_KIND_NAMES } from './export-names';
import { ScrollRegion } from '../../components/scroll-region';

/**
 * Every copy the viewer may fetch again: all of them for the mediator staff, one's own otherwise.
 * Times are in the negotiation's zone, named, as deadlines are shown. File names are made of ids,
 * so each row says what the copy is of as the server names it for this viewer.
 */
export function ExportRegister({
  negotiationId,
  timeZone,
  refresh,
}: {
  negotiationId: string;
  timeZone: string;
  refresh: number;
}) {
  const register = useResource(() => listExports(negotiationId), [negotiationId, refresh]);
  return (
    <section className="card" aria-labelledby="register-title">
      <h3 id="register-title">Copies issued</h3>
      <Show resource={register} what="the copies">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No copies yet.</p>
          ) : (
            <ScrollRegion label="Copies exported, scrollable">
              <p className="muted small">
                Newest first. Each file is exactly the one whose SHA-256 was recorded.
              </p>
              <table className="stacked-rows" aria-label="Copies issued, newest first">
                <thead>
                  <tr>
                    <th scope="col">Issued</th>
                    <th scope="col">Copy of</th>
                    <th scope="col">Format</th>
                    <th scope="col">For</th>
                    <th scope="col">Marked</th>
                    <th scope="col">File</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <td data-label="Issued">
                        <time dateTime={item.createdAt}>{formatIn(item.createdAt, timeZone)}</time>
                      </td>
                      <td data-label="Copy of">
                        <span>
                          {item.subject}
                          <span className="muted small copy-kind">{EXPORT_KIND_NAMES[item.kind]}</span>
                        </span>
                      </td>
                      <td data-label="Format">{EXPORT_FORMAT_NAMES[item.format]}</td>
                      <td data-label="For">{item.recipient.displayName}</td>
                      <td data-label="Marked">{item.isFingerprinted ? 'fingerprinted' : 'public'}</td>
                      <td data-label="File">
                        <a href={item.downloadUrl} download={item.fileName}>
                          {item.fileName}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </Show>
    </section>
  );
}
