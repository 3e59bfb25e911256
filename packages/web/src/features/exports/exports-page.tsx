import type { ExportResult } from '@parley/core';
import { useState } from 'react';
import { mayIn, useSession } from '../../app/session';
import { useNegotiation } from '../negotiation/negotiation-context';
import { ExportForm } from './export-form';
import { ExportRegister } from './export-register';
import './exports.css';

export function ExportsPage() {
  const { me } = useSession();
  const { negotiation } = useNegotiation();
  const [exported, setExported] = useState<ExportResult[]>([]);
  return (
    <section className="page exports" aria-labelledby="exports-title">
      <h2 id="exports-title">Export</h2>
      <ExportForm
        mayChooseRecipient={mayIn(me, 'plan.manage', negotiation.id)}
        selfUserId={me.user.id}
        onExported={(result) => setExported((list) => [result, ...list])}
      />
      {exported.length > 0 && (
        // A visible title: each copy names its own recipient, whatever the form now shows.
        <h3 id="exports-done-title">Exports made in this session</h3>
      )}
      {exported.length > 0 && (
        <ul className="exports-done" aria-labelledby="exports-done-title">
          {exported.map((result) => (
            <li key={result.id} className="card">
              <p>
                <a href={result.downloadUrl} download={result.fileName}>
                  {result.fileName}
                </a>{' '}
                <span className="muted">
                  for {result.recipient.displayName} ·{' '}
                  {result.isFingerprinted ? 'fingerprinted' : 'public material, not fingerprinted'}
                </span>
              </p>
              <p className="muted small">
                SHA-256 <code className="hash">{result.contentHash}</code>
              </p>
              {result.markdown !== undefined && (
                <details>
                  <summary>Preview</summary>
                  <pre className="export-preview">{result.markdown}</pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      <ExportRegister
        negotiationId={negotiation.id}
        timeZone={negotiation.timeZone}
        refresh={exported.length}
      />
    </section>
  );
}
