import { type PlanVersionId, type PointId } from '@parley/core';
import { useState } from 'react';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { proposeAmendment } from '../../api/endpoints';
import { useNegotiation } from '../negotiation/negotiation-context';
import { useWarnBeforeUnload } from '../../components/kept-draft';

/** Propose new wording for the point, or that it be dropped. */
export function ProposeAmendmentForm({
  versionId,
  pointId,
  partyId,
}: {
  versionId: PlanVersionId;
  pointId: PointId;
  partyId: string;
}) {
  const { negotiation, refresh } = useNegotiation();
  const [kind, setKind] = useState<'replace_text' | 'drop'>('replace_text');
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const { busy, message, submit } = useFormSubmission();
  useWarnBeforeUnload(text !== '' || rationale !== '');

  const onSubmit = submit(async () => {
    const proposal = kind === 'drop' ? { kind: 'drop' as const } : { kind: 'replace_text' as const, text };
    await proposeAmendment(negotiation.id, { partyId, versionId, pointId, proposal, rationale });
    setText('');
    setRationale('');
    refresh();
  }, 'Amendment proposed.');

  return (
    <form onSubmit={onSubmit} className="form" aria-label="Propose an amendment">
      <h4>Propose an amendment</h4>
      <label>
        Proposal
        <select value={kind} onChange={(e) => setKind(e.target.value as 'replace_text' | 'drop')}>
          <option value="replace_text">Replace the text</option>
          <option value="drop">Drop the point</option>
        </select>
      </label>
      {kind === 'replace_text' && (
        <label>
          New text
          <textarea required value={text} onChange={(e) => setText(e.target.value)} rows={3} />
        </label>
      )}
      <label>
        Rationale
        <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} rows={2} />
      </label>
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Propose amendment'}
      </button>
    </form>
  );
}
