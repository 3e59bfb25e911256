import type { ExportRecord, TraceLeakResponse } from '@parley/core';
import {
  describeCopy,
  evidenceLine,
  formatChance,
  othersComparedLine,
  rankingShown,
  sameRecipientLine,
} from './trace-summary';
import { ScrollRegion } from '../../components/scroll-region';

/**
 * The verdict, the evidence behind it, and the copies the excerpt's marks bear on. Only an
 * "identified" verdict names anyone: next to "undecided", a 97 % beside a name reads as an
 * accusation the trace does not make, so the probabilities are shown with a name only.
 */
export function TraceResult({
  result,
  copies,
  timeZone,
}: {
  result: TraceLeakResponse;
  copies: readonly ExportRecord[];
  timeZone: string;
}) {
  const isIdentified = result.verdict.kind === 'identified';
  const { shown, othersCompared } = rankingShown(result);
  return (
    <div className="card trace-result" aria-live="polite">
      {result.verdict.kind === 'identified' && result.verdict.basis === 'collusion' ? (
        <p className="verdict identified">
          <strong>Identified by the collusion analysis:</strong> the excerpt mixes several copies, and the
          copy exported for <strong>{result.verdict.recipient.displayName}</strong> went into it.
        </p>
      ) : result.verdict.kind === 'identified' ? (
        <p className="verdict identified">
          <strong>Identified:</strong> the excerpt comes from the copy exported for{' '}
          <strong>{result.verdict.recipient.displayName}</strong>.
        </p>
      ) : (
        <>
          <p className="verdict undecided">
            <strong>Undecided:</strong> {result.verdict.reason}
          </p>
          <p className="trace-no-one-named">
            <strong>No one is named:</strong> the marks do not single out one copy.
            {shown.length > 0 &&
              ' The copies listed share some marks with the excerpt; that is not evidence against their recipients.'}
          </p>
        </>
      )}
      {sameRecipientLine(result) !== null && (
        <p className="trace-same-recipient">{sameRecipientLine(result)}</p>
      )}
      <p className="muted small">
        {evidenceLine(result)} (its heading style and house conventions repeat at every point). A name is
        given only when the marks fit one recipient's copies far better than any other (a chance, the
        posterior, ≥ 99.9 % and a likelihood ratio ≥ 10⁴, counting every mark), or when the text mixes copies
        and the collusion analysis finds one that supplied most of its headings, in a style no other copy has,
        with no mark that contradicts it.
      </p>
      {isIdentified && (
        <p className="muted small trace-caveat">
          A copy passed on as it was names its recipient. Someone who retypes the text and picks the same
          heading style can make it fit another&apos;s copy: weigh a name read from few distinct choices with
          the other evidence.
        </p>
      )}
      {result.marksRead === 0 ? (
        <p className="muted small">
          No copy can be told apart from another without marks, so none is listed.
        </p>
      ) : (
        <>
          {shown.length > 0 && (
            <RankingTable shown={shown} copies={copies} timeZone={timeZone} withOdds={isIdentified} />
          )}
          {othersCompared > 0 && <p className="muted small">{othersComparedLine(othersCompared)}</p>}
        </>
      )}
    </div>
  );
}

function RankingTable({
  shown,
  copies,
  timeZone,
  withOdds,
}: {
  shown: TraceLeakResponse['ranking'];
  copies: readonly ExportRecord[];
  timeZone: string;
  withOdds: boolean;
}) {
  return (
    <ScrollRegion label="Copies the marks bear on, scrollable">
      <table className="stacked-rows">
        <caption>
          {withOdds ? 'Copies the marks bear on, most likely first' : 'Copies the marks bear on'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Recipient</th>
            <th scope="col">Issued</th>
            <th scope="col">Copy of</th>
            <th scope="col">Marks matched</th>
            <th scope="col">Marks against</th>
            {/* Plain names for a mediator; the explanation above gives the statistics' own. */}
            {withOdds && <th scope="col">Chance it is this copy</th>}
            {withOdds && <th scope="col">Weight of evidence (ln LR)</th>}
          </tr>
        </thead>
        <tbody>
          {shown.map((score) => {
            const copy = describeCopy(
              copies.find((entry) => entry.id === score.exportId),
              timeZone,
            );
            return (
              <tr key={score.exportId}>
                <td data-label="Recipient">{score.recipient.displayName}</td>
                <td data-label="Issued">{copy.issued}</td>
                <td data-label="Copy of">{copy.what}</td>
                <td data-label="Marks matched">{score.matched}</td>
                <td data-label="Marks against">{score.mismatched}</td>
                {withOdds && <td data-label="Chance it is this copy">{formatChance(score.posterior)}</td>}
                {withOdds && (
                  <td data-label="Weight of evidence (ln LR)">{score.logLikelihoodRatio.toFixed(1)}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
