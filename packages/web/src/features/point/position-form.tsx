import {
  POSITION_VALUES,
  POSITION_VISIBILITIES,
  type Position,
  type PositionValue,
  type PositionVisibility,
} from '@parley/core';
import { useState } from 'react';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { setPosition } from '../../api/endpoints';
import { labelOf } from '../../components/chips';
import { useNegotiation } from '../negotiation/negotiation-context';

const VISIBILITY_HELP: Record<PositionVisibility, string> = {
  private: 'Private — your delegation only',
  mediator: 'Mediator — your delegation and the mediator',
  parties: 'Parties — the mediator and every party',
};

/** Record (or change) this party's position; `baseRevision` guards against overwriting a newer one. */
export function PositionForm({
  versionId,
  pointId,
  partyId,
  current,
}: {
  versionId: string;
  pointId: string;
  partyId: string;
  current: Position | undefined;
}) {
  const { negotiation, refresh } = useNegotiation();
  const [value, setValue] = useState<PositionValue>(current?.value ?? 'undecided');
  const [visibility, setVisibility] = useState<PositionVisibility>(current?.visibility ?? 'mediator');
  const [note, setNote] = useState(current?.note ?? '');
  const { busy, message, submit } = useFormSubmission();

  const onSubmit = submit(async () => {
    await setPosition(
      negotiation.id,
      { versionId, pointId, partyId },
      { value, visibility, note, baseRevision: current?.revision ?? 0 },
    );
    refresh();
  }, 'Position recorded.');

  return (
    <form onSubmit={onSubmit} className="form" aria-label="Record your position">
      <h4>Your position</h4>
      <label>
        Stance
        <select value={value} onChange={(e) => setValue(e.target.value as PositionValue)}>
          {POSITION_VALUES.map((v) => (
            <option key={v} value={v}>
              {labelOf(v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Visible to
        <select value={visibility} onChange={(e) => setVisibility(e.target.value as PositionVisibility)}>
          {POSITION_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {VISIBILITY_HELP[v]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Note
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      <FormMessage message={message} />
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Record position'}
      </button>
    </form>
  );
}
