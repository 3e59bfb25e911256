import { useState, type FormEvent } from 'react';
import './drafting.css';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { errorMessage } from '../../api/api-error';
import { importPlan } from '../../api/drafting-endpoints';
import { mayIn, useSession } from '../../app/session';
import { useKeptDraft } from '../../components/kept-draft';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { stillNeeds } from '../../components/still-needs';
import { useNegotiation } from '../negotiation/negotiation-context';
import { describePlanMeanwhile, planMovedOn, type PlanMeanwhile } from '../plan/plan-meanwhile';
import { checkPlanText, PlanTextField } from './plan-text-field';

/** Mediator staff: a plan from a document (pasted or uploaded) becomes a version of its own. */
export function ImportPlanPage() {
  const { negotiation, plan, refresh } = useNegotiation();
  const { me } = useSession();
  const navigate = useNavigate();
  // A pasted ten-page plan must survive a reload or a click on another section, as a revision does.
  const kept = useKeptDraft({
    key: `parley.import.${me.user.id}.${negotiation.id}`,
    schema: KeptImportSchema,
    empty: { label: plan.versions.length === 0 ? 'First draft' : '', text: '' },
    // The suggested label alone is not work of the user's.
    isEmpty: (work) => work.text === '',
  });
  const { label, text } = kept.value;
  const setLabel = (next: string) => kept.setValue((work) => ({ ...work, label: next }));
  const setText = (next: string) => kept.setValue((work) => ({ ...work, text: next }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  // After a 409: what was saved meanwhile, said beside the pasted text, which stays.
  const [meanwhile, setMeanwhile] = useState<PlanMeanwhile | undefined>(undefined);
  const check = checkPlanText(text);
  const needs = stillNeeds('import-needs', 'To import', [
    label.trim() === '' && 'a version label',
    check.plan === undefined && 'a numbered text that reads without problems',
  ]);

  if (!mayIn(me, 'plan.manage', negotiation.id))
    return <p className="muted">Only the mediator's lead and delegates import a plan.</p>;

  async function save(baseRevision: number) {
    setBusy(true);
    setError(undefined);
    setMeanwhile(undefined);
    try {
      const created = await importPlan(negotiation.id, { label, text, baseRevision });
      kept.forget();
      refresh();
      navigate(`/n/${negotiation.id}/plan?version=${encodeURIComponent(created.version.id)}`);
    } catch (failure) {
      // Not the generic "reload to see the current version": the mediator needs to know what was
      // saved to decide whether this import still makes sense, and the pasted text stays either way.
      const other = await planMovedOn(failure, negotiation.id, baseRevision);
      setMeanwhile(other);
      if (other === undefined) setError(errorMessage(failure));
      else refresh();
      setBusy(false);
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(plan.revision);
  };
  const newest = meanwhile?.versions.at(-1);

  return (
    <section className="card wide" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a plan from a document</h2>
      <p className="muted">
        Paste the numbered text or upload it (Markdown, plain text or Word). Headings become topics; each
        numbered point becomes a point of the new version.
        {plan.versions.length > 0 &&
          ' The plan already has versions: this one starts a new line with no lineage to them. To revise the current text and keep positions on their points, use “Paste a revised text”.'}
      </p>
      <KeptDraftNotice isRestored={kept.isRestored} hasWork={kept.hasWork} onDiscard={kept.discard} />
      <form onSubmit={submit} className="form" aria-label="Import a plan">
        <label>
          Version label
          <input required value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <PlanTextField negotiationId={negotiation.id} text={text} onChange={setText} />
        {error !== undefined && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {meanwhile !== undefined && (
          <section className="conflict" aria-label="The other change">
            <p role="alert">
              {describePlanMeanwhile(meanwhile, negotiation.timeZone)} Yours is not imported yet, and your
              text is still here.
              {newest !== undefined && (
                <>
                  {' '}
                  Imported, it is a version of its own beside “{newest.label}”; to change that one instead,
                  keeping positions on their points,{' '}
                  <Link to={`/n/${negotiation.id}/plan/revise?from=${encodeURIComponent(newest.id)}`}>
                    paste a revised text of it
                  </Link>
                  .
                </>
              )}
            </p>
            <button
              type="button"
              disabled={busy || needs.isMissing}
              onClick={() => void save(meanwhile.revision)}
            >
              Import mine as well
            </button>
          </section>
        )}
        <button
          type="submit"
          disabled={busy || needs.isMissing || meanwhile !== undefined}
          aria-describedby={needs.describedBy}
        >
          {busy ? 'Importing…' : 'Import as a new version'}
        </button>
        {needs.line}
      </form>
    </section>
  );
}

const KeptImportSchema = z.object({ label: z.string(), text: z.string() });
