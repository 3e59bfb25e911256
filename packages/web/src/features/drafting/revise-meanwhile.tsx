import type { PlanVersion } from '@parley/core';
import { describePlanMeanwhile, type PlanMeanwhile } from '../plan/plan-meanwhile';
import { useNegotiation } from '../negotiation/negotiation-context';

/**
 * What a revised text refused by a 409 meets (issue #11 item 8): which versions were saved
 * meanwhile and when (the API names no author), and the two ways on, each keeping the pasted text —
 * make it a revision of the newest version instead (its lineage is proposed again, against that
 * version's points), or create it from the version it was pasted against, beside the newer one.
 */
export function ReviseMeanwhile({
  meanwhile,
  parent,
  busy,
  onBaseOnNewest,
  onCreateAnyway,
}: {
  meanwhile: PlanMeanwhile;
  parent: PlanVersion;
  busy: boolean;
  onBaseOnNewest: (newest: PlanMeanwhile['versions'][number]) => void;
  onCreateAnyway: () => void;
}) {
  const { negotiation } = useNegotiation();
  const newest = meanwhile.versions.at(-1);
  return (
    <section className="conflict" aria-label="The other change">
      <p role="alert">
        {describePlanMeanwhile(meanwhile, negotiation.timeZone)} Yours is not created yet: your pasted text
        and this map are still here.
        {newest !== undefined &&
          ` Made from “${parent.label}”, it would stand beside “${newest.label}”, not revise it.`}
      </p>
      <div className="row-actions">
        {newest !== undefined && newest.id !== parent.id && (
          <button type="button" disabled={busy} onClick={() => onBaseOnNewest(newest)}>
            Base my text on “{newest.label}”
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={onCreateAnyway}>
          Create mine from “{parent.label}” anyway
        </button>
      </div>
    </section>
  );
}
