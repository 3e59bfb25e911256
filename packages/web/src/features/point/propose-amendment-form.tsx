import { type Amendment, type PlanVersionId, type PointId } from '@parley/core';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { proposeAmendment } from '../../api/endpoints';
import { useSession } from '../../app/session';
import { useNegotiation } from '../negotiation/negotiation-context';
import { useKeptDraft } from '../../components/kept-draft';

const KeptAmendmentSchema = z.object({
  kind: z.enum(['replace_text', 'drop']),
  text: z.string(),
  rationale: z.string(),
});
type KeptAmendment = z.infer<typeof KeptAmendmentSchema>;
const NO_AMENDMENT: KeptAmendment = { kind: 'replace_text', text: '', rationale: '' };

/**
 * Propose new wording for the point, or that it be dropped. `amendments` are the ones listed beside
 * it: "Amendment proposed." stays only while the one it announced is still open.
 */
export function ProposeAmendmentForm({
  versionId,
  pointId,
  partyId,
  amendments,
  onProposed,
}: {
  versionId: PlanVersionId;
  pointId: PointId;
  partyId: string;
  amendments: readonly Amendment[];
  /** The amendment as the server stored it, for the page to list at once. */
  onProposed: (amendment: Amendment) => void;
}) {
  const { negotiation, refresh } = useNegotiation();
  const { me } = useSession();
  // Kept in the tab while unsent, as drafts are: another section and back, or a reload, finds it
  // again, and closing the tab asks first.
  const kept = useKeptDraft({
    key: `parley.amendment.${me.user.id}.${negotiation.id}.${versionId}.${pointId}.${partyId}`,
    schema: KeptAmendmentSchema,
    empty: NO_AMENDMENT,
    isEmpty: (draft) => draft.text === '' && draft.rationale === '',
  });
  const { kind, text, rationale } = kept.value;
  const edit = (change: Partial<KeptAmendment>) => kept.setValue((draft) => ({ ...draft, ...change }));
  const { busy, message, submit, clear } = useFormSubmission();
  const [proposedId, setProposedId] = useState<string | undefined>(undefined);
  const proposedFate = amendments.find((amendment) => amendment.id === proposedId)?.fate.state;
  useEffect(() => {
    if (proposedFate === undefined || proposedFate === 'open') return;
    setProposedId(undefined);
    clear();
  }, [proposedFate, clear]);

  const onSubmit = submit(async () => {
    const proposal = kind === 'drop' ? { kind: 'drop' as const } : { kind: 'replace_text' as const, text };
    const created = await proposeAmendment(negotiation.id, {
      partyId,
      versionId,
      pointId,
      proposal,
      rationale,
    });
    setProposedId(created.id);
    onProposed(created);
    kept.discard();
    refresh();
  }, 'Amendment proposed.');

  return (
    <form onSubmit={onSubmit} className="form" aria-label="Propose an amendment">
      <h4>Propose an amendment</h4>
      <label>
        Proposal
        <select value={kind} onChange={(e) => edit({ kind: e.target.value as KeptAmendment['kind'] })}>
          <option value="replace_text">Replace the text</option>
          <option value="drop">Drop the point</option>
        </select>
      </label>
      {kind === 'replace_text' && (
        <label>
          New text
          <textarea
            dir="auto"
            required
            value={text}
            onChange={(e) => edit({ text: e.target.value })}
            rows={3}
          />
        </label>
      )}
      <label>
        Rationale
        <textarea
          dir="auto"
          value={rationale}
          onChange={(e) => edit({ rationale: e.target.value })}
          rows={2}
        />
      </label>
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        {busy ? 'Sending…' : 'Propose amendment'}
      </button>
    </form>
  );
}
