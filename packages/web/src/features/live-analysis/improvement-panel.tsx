import type { ImprovementCheck, LiveIssue, PlanVersionId } from '@parley/core';
import { issueOptions } from '@parley/core';
import { useState } from 'react';
import { listIssues } from '../../api/live-analysis-endpoints';
import { checkImprovement, listProposals, proposeImprovement } from '../../api/live-genius-endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { Show } from '../../components/status';
import { usePointNames } from '../../components/use-point-names';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';

type Props = { negotiationId: string; versionId: PlanVersionId; tick: number };

/**
 * Post-settlement improvement: with the package agreed or on the table, ask privately whether a
 * package exists that every party prefers. The answer is the package or none, never why; the
 * mediator may propose it to all.
 */
export function ImprovementPanel({ negotiationId, versionId, tick }: Props) {
  const { me } = useSession();
  const { negotiation } = useNegotiation();
  const nameOf = usePointNames(negotiationId, versionId);
  const [proposed, setProposed] = useState(0);
  const issues = useResource(() => listIssues(negotiationId, versionId), [negotiationId, versionId]);
  const proposals = useResource(
    () => listProposals(negotiationId, versionId),
    [negotiationId, versionId, tick, proposed],
  );
  return (
    <section className="card" aria-labelledby="improvement-heading">
      <h3 id="improvement-heading">A package everyone prefers?</h3>
      {mayIn(me, 'live-analysis.run', negotiationId) ? (
        <Show resource={issues} what="the issues">
          {(loaded) => (
            <CheckForm
              negotiationId={negotiationId}
              versionId={versionId}
              issues={loaded.points.filter((point) => point.definition !== null && !point.needsReconciling)}
              onProposed={() => setProposed((n) => n + 1)}
            />
          )}
        </Show>
      ) : (
        <p className="muted">The mediator’s delegation and the negotiating parties check packages.</p>
      )}
      <Show resource={proposals} what="the proposals">
        {(loaded) =>
          loaded.items.length === 0 ? null : (
            <>
              <h4 id="proposals-heading">Proposed to all by the mediator</h4>
              <ol aria-labelledby="proposals-heading">
                {loaded.items.map((proposal) => (
                  <li key={proposal.id}>
                    <time dateTime={proposal.proposedAt}>
                      {formatIn(proposal.proposedAt, negotiation.timeZone)}
                    </time>
                    <ul>
                      {proposal.choices.map((choice) => (
                        <li key={choice.pointId}>
                          Point {nameOf(choice)}: {choice.option}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </Show>
    </section>
  );
}

function CheckForm({
  negotiationId,
  versionId,
  issues,
  onProposed,
}: {
  negotiationId: string;
  versionId: PlanVersionId;
  issues: LiveIssue[];
  onProposed: () => void;
}) {
  const { me } = useSession();
  const [onTable, setOnTable] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ImprovementCheck | undefined>();
  const checking = useFormSubmission();
  const proposing = useFormSubmission();
  const nameOf = usePointNames(negotiationId, versionId);
  const chosen = Object.fromEntries(
    issues.map((issue) => [
      issue.pointId,
      onTable[issue.pointId] ?? (issue.definition === null ? '' : (issueOptions(issue.definition)[0] ?? '')),
    ]),
  );
  const onCheck = checking.submit(async () => {
    setResult(undefined);
    setResult(await checkImprovement(negotiationId, versionId, chosen));
  }, 'Checked.');
  const onPropose = proposing.submit(async () => {
    await proposeImprovement(negotiationId, versionId, chosen);
    onProposed();
  }, 'Proposed to every party.');
  if (issues.length === 0) return <p>No point of this version is a negotiable issue yet.</p>;
  return (
    <>
      <form className="form" onSubmit={onCheck} aria-label="Check for a package everyone prefers">
        <p className="muted">
          The package agreed or on the table. Parley answers you alone, with a package or “none found”: never
          anyone’s numbers, nor why.
        </p>
        {issues.map((issue) => (
          <label key={issue.pointId}>
            Point {nameOf(issue)}
            <select
              value={chosen[issue.pointId]}
              onChange={(event) => setOnTable({ ...onTable, [issue.pointId]: event.target.value })}
            >
              {(issue.definition === null ? [] : issueOptions(issue.definition)).map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
        ))}
        <FormMessage message={checking.message} />
        <button type="submit" disabled={checking.busy}>
          {checking.busy ? 'Checking…' : 'Check for a package everyone prefers'}
        </button>
      </form>
      {result !== undefined && (
        <div role="status" aria-label="Improvement check">
          {result.choices === null ? (
            <p>None found: no package is better for every party than this one.</p>
          ) : (
            <>
              <p>A package exists that every party prefers:</p>
              <ul>
                {result.choices.map((choice) => (
                  <li key={choice.pointId}>
                    Point {nameOf(choice)}: {choice.option}
                  </li>
                ))}
              </ul>
              {mayIn(me, 'live-analysis.propose', negotiationId) && (
                <form onSubmit={onPropose} aria-label="Propose to all">
                  <FormMessage message={proposing.message} />
                  <button type="submit" disabled={proposing.busy}>
                    Propose to all
                  </button>
                </form>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}
