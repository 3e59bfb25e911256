import type { PlanVersionId } from '@parley/core';
import { useState } from 'react';
import { listBiddings, openBidding } from '../../api/blind-bid-endpoints';
import { listIssues } from '../../api/live-analysis-endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { FieldError, FormMessage, useFormSubmission } from '../../components/form-submission';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { usePointNames } from '../../components/use-point-names';
import { VersionSelect } from '../../components/version-select';
import { useNegotiation } from '../negotiation/negotiation-context';
import { BiddingCard } from './bidding-card';
import { YourTimeHint } from '../deadlines/your-time-hint';
import { zonedInputToIso } from '../deadlines/zoned-time';

/** Blind bids on a numeric issue: each side seals a bound; the reveal says only overlap and settlement. */
export function BlindBidsPage() {
  const { negotiation, tick, refresh } = useNegotiation();
  const { me } = useSession();
  usePageTitle('Blind bids', negotiation.title);
  const biddings = useResource(() => listBiddings(negotiation.id), [negotiation.id, tick]);
  return (
    <section className="page" aria-labelledby="bids-heading">
      <h2 id="bids-heading">Blind bids</h2>
      <p className="muted">
        Each side seals a bound: the giving party the most it will give, the taking party the least it will
        take. Nobody — not the mediator, not the other side — reads a bound. The reveal says only whether the
        bounds overlap and, if they do, the settlement under the rule announced at the opening.
      </p>
      {mayIn(me, 'bidding.manage', negotiation.id) && <OpenBiddingForm onOpened={refresh} />}
      <Show resource={biddings} what="the biddings">
        {({ items }) =>
          items.length === 0 ? (
            <p>No bidding you may see.</p>
          ) : (
            <ul className="issue-list" aria-label="Biddings">
              {items.map((bidding) => (
                <li key={bidding.id} className="card">
                  <BiddingCard bidding={bidding} onChange={refresh} />
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}

function OpenBiddingForm({ onOpened }: { onOpened: () => void }) {
  const { negotiation, parties, plan, latestVersionId } = useNegotiation();
  const [versionId, setVersionId] = useState<PlanVersionId | ''>(latestVersionId ?? '');
  const issues = useResource(
    () => (versionId === '' ? Promise.resolve(null) : listIssues(negotiation.id, versionId)),
    [negotiation.id, versionId],
  );
  // Only a numeric range can be bid on: a point with options, or none, is not offered.
  const points = (issues.data?.points ?? []).filter((point) => point.definition?.kind === 'range');
  const nameOf = usePointNames(negotiation.id, versionId === '' ? undefined : versionId);
  const negotiating = parties.filter((party) => party.role === 'party');
  const [pointId, setPointId] = useState('');
  const [giving, setGiving] = useState(negotiating[0]?.id ?? '');
  const [taking, setTaking] = useState(negotiating[1]?.id ?? '');
  const [closesAt, setClosesAt] = useState('');
  const { busy, message, submit, fieldError } = useFormSubmission();
  const chosenPoint = pointId === '' ? (points[0]?.pointId ?? '') : pointId;
  const onSubmit = submit(async () => {
    await openBidding(negotiation.id, {
      versionId,
      pointId: chosenPoint,
      givingPartyId: giving,
      takingPartyId: taking,
      rule: 'midpoint',
      // Typed on the negotiation's clock, as deadlines are; a partial value goes on for the server to refuse.
      closesAt: closesAt === '' ? null : (zonedInputToIso(closesAt, negotiation.timeZone) ?? closesAt),
    });
    onOpened();
  }, 'Bidding opened.');
  const described = (field: string) =>
    fieldError(field) === undefined
      ? {}
      : { 'aria-invalid': true as const, 'aria-describedby': `open-bidding-${field}-error` };
  const partyOptions = negotiating.map((party) => (
    <option key={party.id} value={party.id}>
      {party.name}
    </option>
  ));
  if (versionId === '') return <p>The plan has no version yet.</p>;
  if (issues.state === 'ready' && points.length === 0)
    return (
      <section className="card" aria-label="Open a blind bidding">
        <h3>Open a blind bidding</h3>
        <VersionSelect label="Version" plan={plan} value={versionId} onChange={setVersionId} />
        <p className="muted">
          No point of this version is a numeric range: a bidding needs one (the mediator sets it under
          Issues).
        </p>
      </section>
    );
  return (
    <form className="form card" onSubmit={onSubmit} aria-label="Open a blind bidding">
      <h3>Open a blind bidding</h3>
      <VersionSelect label="Version" plan={plan} value={versionId} onChange={setVersionId} />
      <label>
        Issue
        <select value={chosenPoint} onChange={(e) => setPointId(e.target.value)} {...described('pointId')}>
          {points.map((point) => (
            <option key={point.pointId} value={point.pointId}>
              {nameOf(point)} ({point.definition?.kind === 'range' ? point.definition.unit : ''})
            </option>
          ))}
        </select>
      </label>
      <FieldError id="open-bidding-pointId-error" text={fieldError('pointId')} />
      <label>
        Giving party (bids the most it will give)
        <select value={giving} onChange={(e) => setGiving(e.target.value)} {...described('givingPartyId')}>
          {partyOptions}
        </select>
      </label>
      <FieldError id="open-bidding-givingPartyId-error" text={fieldError('givingPartyId')} />
      <label>
        Taking party (bids the least it will take)
        <select value={taking} onChange={(e) => setTaking(e.target.value)} {...described('takingPartyId')}>
          {partyOptions}
        </select>
      </label>
      <FieldError id="open-bidding-takingPartyId-error" text={fieldError('takingPartyId')} />
      <label>
        Settlement rule
        <select value="midpoint" disabled>
          <option value="midpoint">Midpoint of the two bounds</option>
        </select>
      </label>
      <label>
        Closes at ({negotiation.timeZone}; optional)
        <input
          type="datetime-local"
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
          {...described('closesAt')}
        />
      </label>
      <YourTimeHint typed={closesAt} zone={negotiation.timeZone} />
      <FieldError id="open-bidding-closesAt-error" text={fieldError('closesAt')} />
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        Open the bidding
      </button>
    </form>
  );
}
