import type { PointId } from '@parley/core';
import { useState } from 'react';
import { getVersion } from '../../api/endpoints';
import { chosenId } from '../../api/read-id';
import { createStatement } from '../../api/story-endpoints';
import { useResource } from '../../api/use-resource';
import { useFieldForm } from '../../components/field-form';
import { stillNeeds } from '../../components/still-needs';
import { pointLabel } from '../../components/point-label';
import { todayIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';

/** Mediator staff: a public statement by a named person of a party, linked to the points it concerns. */
export function StatementForm() {
  const { negotiation, parties, latestVersionId, refresh } = useNegotiation();
  const speakers = parties.filter((party) => party.role !== 'observer');
  const [person, setPerson] = useState('');
  // No party preselected: the first in the list is the mediator's own, and a quote published under
  // the wrong party goes on the public record (as the leaders' decision preselects no outcome).
  const [partyId, setPartyId] = useState('');
  // Dated on the negotiation's calendar: in UTC, an evening statement in Kyiv was a day early.
  const [date, setDate] = useState(() => todayIn(negotiation.timeZone));
  const [source, setSource] = useState('');
  const [quote, setQuote] = useState('');
  const [pointIds, setPointIds] = useState<PointId[]>([]);
  const form = useFieldForm('Publish a statement');
  const version = useResource(
    async () => (latestVersionId === undefined ? undefined : getVersion(negotiation.id, latestVersionId)),
    [negotiation.id, latestVersionId],
  );
  const points = version.data?.version.points ?? [];
  const needs = stillNeeds('statement-needs', 'To publish', [partyId === '' && 'the party it speaks for']);

  const onSubmit = form.submit(async () => {
    await createStatement(negotiation.id, { person, partyId, date, source, quote, pointIds });
    setQuote('');
    setSource('');
    setPointIds([]);
    refresh();
  }, 'Statement published.');

  return (
    <details className="card">
      <summary>Publish a statement</summary>
      <form ref={form.formRef} onSubmit={onSubmit} className="form" aria-label="Publish a statement">
        <label>
          Who said it
          <input
            required
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            {...form.describe('person')}
          />
        </label>
        {form.fieldError('person')}
        <label>
          For
          <select
            required
            value={partyId}
            onChange={(e) => setPartyId(e.target.value)}
            {...form.describe('partyId')}
          >
            <option value="" disabled>
              Choose the party…
            </option>
            {speakers.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </label>
        {form.fieldError('partyId')}
        <label>
          Date
          <input
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
            {...form.describe('date')}
          />
        </label>
        {form.fieldError('date')}
        <label>
          Source
          <input
            required
            value={source}
            onChange={(e) => setSource(e.target.value)}
            placeholder="Press conference, communiqué…"
            {...form.describe('source')}
          />
        </label>
        {form.fieldError('source')}
        <label>
          Quote
          <textarea
            dir="auto"
            required
            rows={3}
            value={quote}
            onChange={(e) => setQuote(e.target.value)}
            {...form.describe('quote')}
          />
        </label>
        {form.fieldError('quote')}
        <label>
          Points it concerns
          <select
            multiple
            size={Math.min(6, Math.max(2, points.length))}
            value={pointIds}
            onChange={(e) => {
              const listed = points.map((point) => point.pointId);
              setPointIds(
                [...e.target.selectedOptions].flatMap((option) => chosenId(listed, option.value) || []),
              );
            }}
            {...form.describe('pointIds')}
          >
            {points.map((point) => (
              <option key={point.pointId} value={point.pointId}>
                {pointLabel(point)}
              </option>
            ))}
          </select>
        </label>
        {form.fieldError('pointIds')}
        {form.outcomeLine()}
        <button type="submit" disabled={form.busy || needs.isMissing} aria-describedby={needs.describedBy}>
          Publish the statement
        </button>
        {needs.line}
      </form>
    </details>
  );
}
