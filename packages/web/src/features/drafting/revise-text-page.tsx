import { LineageProposalSchema, PointIdSchema, type PlanVersion, type PointId } from '@parley/core';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error';
import { createVersionFromText, proposeLineage } from '../../api/drafting-endpoints';
import { getVersion } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { useKeptDraft, writeKept } from '../../components/kept-draft';
import { Show } from '../../components/status';
import { Redline } from '../compare/redline';
import { useNegotiation } from '../negotiation/negotiation-context';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { stillNeeds } from '../../components/still-needs';
import { LineageMapEditor } from './lineage-map-editor';
import { flattenLinks, linksOfProposal, previewRevision } from './lineage-preview';
import { NewerVersionNotice, usePinnedParent } from './pinned-parent';
import { ReviseMeanwhile } from './revise-meanwhile';
import { planMovedOn, type PlanMeanwhile } from '../plan/plan-meanwhile';
import { checkPlanText, PlanTextField } from './plan-text-field';
import './drafting.css';
import { ScrollRegion } from '../../components/scroll-region';

/**
 * The pen-holder's revision, pasted back from a word processor: Parley proposes which old points
 * became which new ones, the mediator corrects the map, and only then is the child version made.
 */
export function ReviseTextPage() {
  const { negotiation } = useNegotiation();
  const { me } = useSession();
  const { fromId, newer } = usePinnedParent();
  const parent = useResource(
    async () => (fromId === undefined ? undefined : getVersion(negotiation.id, fromId)),
    [negotiation.id, fromId],
  );
  if (!mayIn(me, 'plan.manage', negotiation.id))
    return <p className="muted">Only the mediator's lead and delegates revise the text.</p>;
  if (fromId === undefined) return <p className="muted">The plan has no version to revise yet.</p>;
  return (
    <Show resource={parent} what="the version to revise">
      {(loaded) =>
        // Keyed by the version loaded, not by `from`: while a new `from` loads, the old version is
        // still shown, and a page mounted for it would clear the new one's kept work.
        loaded === undefined ? null : (
          <ReviseText key={loaded.version.id} parent={loaded.version} newer={newer} />
        )
      }
    </Show>
  );
}

function ReviseText({
  parent,
  newer,
}: {
  parent: PlanVersion;
  newer: ReturnType<typeof usePinnedParent>['newer'];
}) {
  const { negotiation, plan, refresh } = useNegotiation();
  const navigate = useNavigate();
  const { me } = useSession();
  // The pasted text, the proposal and the mediator's corrections outlive leaving the page: an
  // hour's work on a map must not vanish with a click on another section or a reload.
  const kept = useKeptDraft({
    key: revisionKey(me.user.id, negotiation.id, parent.id),
    schema: KeptRevisionSchema,
    // The revision kept with the work: restored later, a version saved meanwhile still answers 409.
    empty: { text: '', label: '', proposal: undefined, links: [], startRevision: plan.revision },
    isEmpty: (work) => work.text === '' && work.label === '' && work.proposal === undefined,
  });
  const { text, label, proposal, startRevision } = kept.value;
  const update = (change: Partial<KeptRevision>) => kept.setValue((work) => ({ ...work, ...change }));
  const setText = (next: string) => update({ text: next });
  const setLabel = (next: string) => update({ label: next });
  const setProposal = (next: KeptRevision['proposal']) => update({ proposal: next });
  const links = useMemo(
    () => new Map(kept.value.links.map(([number, froms]) => [number, new Set(froms)])),
    [kept.value.links],
  );
  const setLinks = (next: Map<number, Set<PointId>>) =>
    update({ links: [...next].map(([number, froms]) => [number, [...froms]]) });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  // Set when the server refused the version because the plan moved on: what was saved meanwhile,
  // said beside the map, which stays, with the ways on (ReviseMeanwhile).
  const [meanwhile, setMeanwhile] = useState<PlanMeanwhile | undefined>(undefined);
  const check = checkPlanText(text);
  const proposeNeeds = stillNeeds('propose-needs', 'To propose the lineage', [
    check.plan === undefined && 'a numbered text that reads without problems',
  ]);
  const createNeeds = stillNeeds('create-needs', 'To create the version', [
    label.trim() === '' && 'a version label',
  ]);
  const preview = useMemo(
    () => (proposal === undefined ? undefined : previewRevision(parent, proposal.value, links)),
    [parent, proposal, links],
  );

  // The form that had the focus is gone once the map replaces it: the map's heading takes it.
  const mapHeading = useRef<HTMLHeadingElement>(null);
  const [justProposed, setJustProposed] = useState(false);
  useEffect(() => {
    if (!justProposed) return;
    mapHeading.current?.focus();
    setJustProposed(false);
  }, [justProposed]);

  async function propose(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const value = await proposeLineage(negotiation.id, parent.id, text);
      if (value.problems.length > 0) setError(value.problems.map((problem) => problem.message).join('; '));
      else {
        setProposal({ text, value });
        setLinks(linksOfProposal(value));
        setJustProposed(true);
      }
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  async function create(event: FormEvent | undefined, baseRevision = startRevision) {
    event?.preventDefault();
    if (proposal === undefined) return;
    setBusy(true);
    setError(undefined);
    setMeanwhile(undefined);
    try {
      const created = await createVersionFromText(negotiation.id, {
        parentId: parent.id,
        label,
        text: proposal.text,
        links: flattenLinks(links),
        baseRevision,
      });
      kept.forget();
      refresh();
      navigate(
        `/n/${negotiation.id}/compare?from=${encodeURIComponent(parent.id)}&to=${encodeURIComponent(created.version.id)}`,
      );
    } catch (failure) {
      // Not the generic "reload to see the current version": a reload loses the map in progress,
      // and the mediator needs to know what was saved to choose what to do with the pasted text.
      const other = await planMovedOn(failure, negotiation.id, baseRevision);
      setMeanwhile(other);
      if (other === undefined) setError(errorMessage(failure));
      else refresh();
      setBusy(false);
    }
  }

  /** The pasted text, as a revision of the newest version: kept under that page's key, then opened. */
  function baseOnNewest(newest: { id: string }) {
    if (proposal === undefined || meanwhile === undefined) return;
    writeKept(revisionKey(me.user.id, negotiation.id, newest.id), {
      text: proposal.text,
      label,
      proposal: undefined,
      links: [],
      startRevision: meanwhile.revision,
    } satisfies KeptRevision);
    kept.forget();
    navigate(`?from=${encodeURIComponent(newest.id)}`);
  }

  return (
    <div className="drafting">
      <p>
        <Link to="..">← Back to the plan</Link>
      </p>
      <h2>Paste a revised text of “{parent.label}”</h2>
      {newer !== undefined && <NewerVersionNotice newer={newer} parentLabel={parent.label} />}
      <KeptDraftNotice isRestored={kept.isRestored} hasWork={kept.hasWork} onDiscard={kept.discard} />
      {proposal === undefined ? (
        <form className="form card wide" aria-label="Revised text" onSubmit={propose}>
          <PlanTextField negotiationId={negotiation.id} text={text} onChange={setText} label="Revised text" />
          {error !== undefined && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            disabled={busy || proposeNeeds.isMissing}
            aria-describedby={proposeNeeds.describedBy}
          >
            {busy ? 'Comparing…' : 'Propose the lineage'}
          </button>
          {proposeNeeds.line}
        </form>
      ) : (
        <div className="draft-columns">
          <section className="card" aria-labelledby="lineage-map-heading">
            <h3 id="lineage-map-heading" ref={mapHeading} tabIndex={-1}>
              Lineage map
            </h3>
            <p className="muted">
              Parley proposed where each new point comes from. Correct it: link or unlink old points, mark a
              point as new; an old point linked nowhere is dropped. Positions follow their points and are
              flagged for review where the text changed.
            </p>
            <LineageMapEditor
              parent={parent}
              proposal={proposal.value}
              links={links}
              onChange={setLinks}
              kindOf={(number) =>
                preview?.ok === true
                  ? preview.redline.rows.find((row) => row.to.some((to) => to.number === number))?.kind
                  : undefined
              }
            />
            <form className="form" aria-label="Create the revised version" onSubmit={create}>
              <label>
                New version label
                <input required value={label} onChange={(e) => setLabel(e.target.value)} />
              </label>
              {error !== undefined && (
                <p className="error" role="alert">
                  {error}
                </p>
              )}
              <div className="row-actions">
                <button
                  type="submit"
                  disabled={busy || createNeeds.isMissing}
                  aria-describedby={createNeeds.describedBy}
                >
                  {busy ? 'Creating…' : 'Create the version'}
                </button>
                <button type="button" className="secondary" onClick={() => setProposal(undefined)}>
                  Edit the text again
                </button>
              </div>
              {createNeeds.line}
              {meanwhile !== undefined && (
                <ReviseMeanwhile
                  meanwhile={meanwhile}
                  parent={parent}
                  busy={busy}
                  onBaseOnNewest={baseOnNewest}
                  onCreateAnyway={() => void create(undefined, meanwhile.revision)}
                />
              )}
            </form>
          </section>
          <ScrollRegion as="section" className="card sticky-redline" labelledBy="revise-redline-heading">
            <h3 id="revise-redline-heading">Redline with this map</h3>
            {preview === undefined || preview.ok ? (
              preview !== undefined && <Redline redline={preview.redline} />
            ) : (
              <div className="error" role="alert">
                <p>This map cannot make a version:</p>
                <ul>
                  {preview.problems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </div>
            )}
          </ScrollRegion>
        </div>
      )}
    </div>
  );
}

const revisionKey = (userId: string, negotiationId: string, parentId: string) =>
  `parley.revise.${userId}.${negotiationId}.${parentId}`;

const KeptRevisionSchema = z.object({
  text: z.string(),
  label: z.string(),
  proposal: z.object({ text: z.string(), value: LineageProposalSchema }).optional(),
  /** The map as [new point number, old point ids] pairs: a Map of Sets does not survive JSON. */
  links: z.array(z.tuple([z.number().int(), z.array(PointIdSchema)])),
  startRevision: z.number().int(),
});
type KeptRevision = z.infer<typeof KeptRevisionSchema>;
