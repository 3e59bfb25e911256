import type { TraceLeakResponse } from '@parley/core';
import { useState } from 'react';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { traceLeak, traceLeakedFile } from './exports-api';
import './exports.css';

const percent = (value: number) => `${(value * 100).toFixed(value > 0.999 && value < 1 ? 2 : 1)} %`;

/** Mediator staff: paste a leaked excerpt, see who most likely received the copy it came from, and why. */
export function LeakTracingPage() {
  const { negotiation } = useNegotiation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [result, setResult] = useState<TraceLeakResponse | undefined>(undefined);
  const { busy, message, submit } = useFormSubmission();
  // A chosen file wins over pasted text; the server reads PDF, DOCX and plain text.
  const onSubmit = submit(async () => {
    setResult(undefined);
    setResult(
      await (file === undefined ? traceLeak(negotiation.id, text) : traceLeakedFile(negotiation.id, file)),
    );
  }, 'Traced against every recorded export.');
  return (
    <section className="page leak-tracing" aria-labelledby="leak-title">
      <h2 id="leak-title">Trace a leak</h2>
      <form className="card form" onSubmit={onSubmit} aria-label="Trace a leak">
        <label>
          Leaked text (paste a few paragraphs as published: an article, an e-mail, text copied from a PDF)
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={10}
            disabled={file !== undefined}
          />
        </label>
        <label>
          Or the leaked file (PDF, Word or text)
          <input
            type="file"
            accept=".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            onChange={(event) => setFile(event.target.files?.[0] ?? undefined)}
          />
        </label>
        <button type="submit" disabled={busy || (file === undefined && text.trim() === '')}>
          {busy ? 'Tracing…' : 'Trace'}
        </button>
        <FormMessage message={message} />
      </form>
      {result !== undefined && <TraceResult result={result} />}
    </section>
  );
}

function TraceResult({ result }: { result: TraceLeakResponse }) {
  return (
    <div className="card trace-result" aria-live="polite">
      {result.verdict.kind === 'identified' ? (
        <p className="verdict identified">
          <strong>Identified:</strong> the excerpt comes from the copy exported for{' '}
          <strong>{result.verdict.recipient.displayName}</strong>.
        </p>
      ) : (
        <p className="verdict undecided">
          <strong>Undecided:</strong> {result.verdict.reason}
        </p>
      )}
      <p className="muted small">
        {result.marksRead} fingerprint marks read from the excerpt, showing {result.choicesRead} distinct
        choices of a copy (its heading style and house conventions repeat at every point). A name is given
        only when the marks fit one copy far better than any other (posterior ≥ 99.9 % and likelihood ratio ≥
        10⁴, counting every mark).
      </p>
      {result.verdict.kind === 'identified' && (
        <p className="muted small trace-caveat">
          A copy passed on as it was names its recipient. Someone who retypes the text and picks the same
          heading style can make it fit another&apos;s copy: weigh a name read from few distinct choices with
          the other evidence.
        </p>
      )}
      {result.ranking.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>Every recorded copy, most likely first</caption>
            <thead>
              <tr>
                <th scope="col">Recipient</th>
                <th scope="col">Marks matched</th>
                <th scope="col">Marks against</th>
                <th scope="col">Posterior</th>
                <th scope="col">log LR</th>
              </tr>
            </thead>
            <tbody>
              {result.ranking.map((score) => (
                <tr key={score.exportId}>
                  <td>{score.recipient.displayName}</td>
                  <td>{score.matched}</td>
                  <td>{score.mismatched}</td>
                  <td>{percent(score.posterior)}</td>
                  <td>{score.logLikelihoodRatio.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
