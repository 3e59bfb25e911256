import type {
  Amendment,
  PlanOverview,
  PlanVersion,
  PlanVersionId,
  PointId,
  VersionOperation,
} from '@parley/core';
import { labelOf } from '../../components/chips';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { adoptable, operationFor } from '../plan/amendment-operations';

/**
 * Open amendments on the parent's points, adopted into the draft one by one. An amendment written
 * against an older version is flagged: the text it replaces may have changed since.
 */
export function DraftAmendments({
  parent,
  draft,
  amendments,
  adoptedIds,
  onAdopt,
  newId,
}: {
  parent: PlanVersion;
  draft: PlanVersion | undefined;
  amendments: readonly Amendment[];
  adoptedIds: ReadonlySet<string>;
  onAdopt: (operation: VersionOperation) => void;
  newId: () => PointId;
}) {
  const { parties, plan } = useNegotiation();
  const candidates = adoptable(amendments, parent);
  if (candidates.length === 0) return null;
  const numberOf = (pointId: PointId) => parent.points.find((p) => p.pointId === pointId)?.number;
  return (
    <section className="card" aria-labelledby="draft-amendments-heading">
      <h3 id="draft-amendments-heading">Party amendments</h3>
      <ul className="plain-list">
        {candidates.map((amendment) => {
          const base = draft ?? parent;
          const operation = operationFor(amendment, base, newId);
          const older =
            amendment.versionId !== parent.id ? versionLabel(plan, amendment.versionId) : undefined;
          const adopted = adoptedIds.has(amendment.id);
          return (
            <li key={amendment.id}>
              <p>
                Point {numberOf(amendment.pointId)} — {partyName(parties, amendment.partyId)}:{' '}
                {labelOf(amendment.proposal.kind)}
                {'text' in amendment.proposal ? ` “${amendment.proposal.text}”` : ''}
              </p>
              {older !== undefined && (
                <p className="warn-note" role="note">
                  Written against an older text ({older}): check it still fits the current wording.
                </p>
              )}
              <button
                type="button"
                className="secondary"
                disabled={adopted || operation === undefined}
                onClick={() => operation !== undefined && onAdopt(operation)}
                // The name starts with what the button shows, and changes with it (WCAG 2.5.3).
                aria-label={`${adopted ? 'Adopted in this draft:' : 'Adopt'} the amendment of ${partyName(parties, amendment.partyId)} on point ${numberOf(amendment.pointId)}`}
              >
                {adopted ? 'Adopted in this draft' : 'Adopt'}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function versionLabel(plan: PlanOverview, versionId: PlanVersionId): string {
  return plan.versions.find((version) => version.id === versionId)?.label ?? 'an earlier version';
}
