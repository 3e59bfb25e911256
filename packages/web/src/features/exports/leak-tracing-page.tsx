import type { ExportRecord, TraceLeakResponse } from '@parley/core';
import { useState } from 'react';
import { mayIn, useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { useNegotiation } from '../negotiation/negotiation-context';
import { listExports, traceLeak, traceLeakedFile } from './exports-api';
import { TraceResult } from './trace-result';
import './exports.css';

/** Mediator staff: paste a leaked excerpt, see who most likely received the copy it came from, and why. */
export function LeakTracingPage() {
  const { negotiation } = useNegotiation();
  const { me } = useSession();
  // Reached by its address: say who traces leaks rather than offer a form the server refuses.
  if (!mayIn(me, 'export.trace', negotiation.id))
    return (
      <p className="muted">
        Only the mediator's lead and delegates trace leaks: they hold the keys of every copy.
      </p>
    );
  return <LeakTracingForm />;
}

type Traced = { trace: TraceLeakResponse; copies: readonly ExportRecord[] };

function LeakTracingForm() {
  const { negotiation } = useNegotiation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [result, setResult] = useState<Traced | undefined>(undefined);
  const { busy, message, submit } = useFormSubmission();
  // A chosen file wins over pasted text; the server reads PDF, DOCX and plain text.
  const onSubmit = submit(async () => {
    setResult(undefined);
    const [trace, copies] = await Promise.all([
      file === undefined ? traceLeak(negotiation.id, text) : traceLeakedFile(negotiation.id, file),
      // Only to tell a recipient's copies apart: the trace stands without it.
      listExports(negotiation.id).then(
        (register) => register.items,
        () => [],
      ),
    ]);
    setResult({ trace, copies });
  }, 'Traced against every recorded export.');
  return (
    <section className="page leak-tracing" aria-labelledby="leak-title">
      <h2 id="leak-title">Trace a leak</h2>
      <form className="card form" onSubmit={onSubmit} aria-label="Trace a leak">
        <label>
          Leaked text (paste a few paragraphs as published: an article, an e-mail, text copied from a PDF)
          <textarea
            dir="auto"
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
      {result !== undefined && (
        <TraceResult result={result.trace} copies={result.copies} timeZone={negotiation.timeZone} />
      )}
    </section>
  );
}
