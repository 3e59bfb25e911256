import {
  EXPORT_KINDS,
  exportFormatsFor,
  printsPageHeader,
  printsWatermark,
  roundSummary,
  type ExportFormat,
  type ExportKind,
  type ExportResult,
  type PlanVersionId,
} from '@parley/core';
import { useState, type FormEvent } from 'react';
import { getVersion, listMembers, listRecords, listRounds } from '../../api/endpoints';
import { useResource } from '../../api/use-resource';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { pointLabel } from '../../components/point-label';
import { VersionSelect } from '../../components/version-select';
import { partyName, useNegotiation } from '../negotiation/negotiation-context';
import { createExport } from './exports-api';
import { recipientsFor, type ExportedMaterial } from './recipient-readers';

const KIND_LABELS: Record<ExportKind, string> = {
  'plan-version': 'Plan version',
  'point-history': "A point's history",
  'round-minutes': "A round's minutes (restricted)",
  'round-readout': "A round's public readout",
  'negotiation-summary': 'Negotiation summary',
  record: 'A record (transcript, note or memo)',
};
const FORMAT_LABELS: Record<ExportFormat, string> = {
  markdown: 'Markdown',
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  akn: 'Akoma Ntoso XML',
};

/**
 * The export dialog: what to export, in which format, for whom. Everyone exports for themselves;
 * the mediator staff may name any current member, and the copy then holds only what that
 * member may read and carries that member's fingerprint.
 */
export function ExportForm({
  mayChooseRecipient,
  selfUserId,
  onExported,
}: {
  mayChooseRecipient: boolean;
  selfUserId: string;
  onExported: (result: ExportResult) => void;
}) {
  const { negotiation, parties, plan, latestVersionId } = useNegotiation();
  const [kind, setKind] = useState<ExportKind>('plan-version');
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [versionId, setVersionId] = useState<PlanVersionId | ''>(latestVersionId ?? '');
  const [compareToVersionId, setCompareToVersionId] = useState('');
  const [pointId, setPointId] = useState('');
  const [roundId, setRoundId] = useState('');
  const [recordId, setRecordId] = useState('');
  const [recipientUserId, setRecipientUserId] = useState(selfUserId);
  const [headerText, setHeaderText] = useState('');
  const [watermark, setWatermark] = useState(false);
  const { busy, message, submit } = useFormSubmission();
  const needsVersion = kind === 'plan-version' || kind === 'point-history';
  const needsRound = kind === 'round-minutes' || kind === 'round-readout';
  const isPaged = printsPageHeader(format);
  const version = useResource(
    () =>
      kind === 'point-history' && versionId !== ''
        ? getVersion(negotiation.id, versionId)
        : Promise.resolve(undefined),
    [negotiation.id, versionId, kind],
  );
  const rounds = useResource(
    () => (needsRound ? listRounds(negotiation.id) : Promise.resolve(undefined)),
    [negotiation.id, needsRound],
  );
  const records = useResource(
    () => (kind === 'record' ? listRecords(negotiation.id) : Promise.resolve(undefined)),
    [negotiation.id, kind],
  );
  const members = useResource(
    () => (mayChooseRecipient ? listMembers(negotiation.id) : Promise.resolve(undefined)),
    [negotiation.id, mayChooseRecipient],
  );
  const material: ExportedMaterial =
    kind === 'record'
      ? { kind, record: records.data?.items.find((record) => record.id === recordId) }
      : kind === 'round-minutes'
        ? { kind, round: rounds.data?.items.find((round) => round.id === roundId) }
        : { kind: 'open' };
  // Only members who may read the chosen material are offered (the server refuses the others);
  // a recipient ruled out by a later choice falls back to the exporter rather than stay hidden.
  const recipients = recipientsFor(material, {
    members: members.data?.items ?? [],
    parties,
    selfUserId,
    now: new Date(),
  });
  const recipient = recipients.some((member) => member.userId === recipientUserId)
    ? recipientUserId
    : selfUserId;
  // Said beside the field: a recipient swapped for "Myself" without a word would be exported for.
  const ruledOut =
    recipient !== recipientUserId && material.kind !== 'open'
      ? members.data?.items.find((member) => member.userId === recipientUserId)?.displayName
      : undefined;
  const materialName = material.kind === 'record' ? 'record' : "round's minutes";
  // A round whose minutes (or readout) this viewer does not receive arrives with them null: offered,
  // it could only be answered "Round not found", which an observer met for every round.
  const roundChoices = (rounds.data?.items ?? []).filter(
    (round) => (kind === 'round-minutes' ? round.minutes : round.publicReadout) !== null,
  );
  const noRoundChoice =
    rounds.state === 'loading'
      ? 'Loading rounds…'
      : rounds.state === 'error'
        ? 'The rounds could not be read'
        : roundChoices.length > 0
          ? 'Choose a round'
          : kind === 'round-minutes'
            ? 'No round whose minutes you may read'
            : 'No round has a public readout';
  const chooseKind = (next: ExportKind) => {
    setKind(next);
    if (!exportFormatsFor(next).includes(format)) setFormat('pdf');
  };

  const body = {
    kind,
    format,
    ...(needsVersion ? { versionId } : {}),
    ...(kind === 'plan-version' && compareToVersionId !== '' ? { compareToVersionId } : {}),
    ...(kind === 'point-history' ? { pointId } : {}),
    ...(needsRound ? { roundId } : {}),
    ...(kind === 'record' ? { recordId } : {}),
    ...(recipient !== selfUserId ? { recipientUserId: recipient } : {}),
    ...(isPaged && headerText.trim() !== '' ? { headerText: headerText.trim() } : {}),
    ...(printsWatermark(format) && watermark ? { watermark } : {}),
  };
  // The outcome belongs to the export it was for: once the form asks for another, it goes.
  const bodyKey = JSON.stringify(body);
  const [sentKey, setSentKey] = useState<string | undefined>(undefined);
  const send = submit(
    async () => onExported(await createExport(negotiation.id, body)),
    'Export ready: the download link is below.',
  );
  const onSubmit = (event: FormEvent) => {
    setSentKey(bodyKey);
    return send(event);
  };

  return (
    <form className="card form export-form" onSubmit={onSubmit} aria-label="Export">
      <label>
        What
        <select value={kind} onChange={(event) => chooseKind(event.target.value as ExportKind)}>
          {EXPORT_KINDS.map((value) => (
            <option key={value} value={value}>
              {KIND_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      {needsVersion && (
        <VersionSelect label="Version" plan={plan} value={versionId} onChange={setVersionId} />
      )}
      {kind === 'plan-version' && (
        <label>
          Redline against
          <select value={compareToVersionId} onChange={(event) => setCompareToVersionId(event.target.value)}>
            <option value="">No redline</option>
            {[...plan.versions]
              .sort((a, b) => b.revision - a.revision)
              .filter((v) => v.id !== versionId)
              .map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
          </select>
        </label>
      )}
      {kind === 'point-history' && (
        <label>
          Point
          <select value={pointId} onChange={(event) => setPointId(event.target.value)} required>
            <option value="">{version.state === 'loading' ? 'Loading points…' : 'Choose a point'}</option>
            {(version.data?.version.points ?? []).map((point) => (
              <option key={point.pointId} value={point.pointId}>
                {pointLabel(point)}
              </option>
            ))}
          </select>
        </label>
      )}
      {needsRound && (
        <label>
          Round
          <select value={roundId} onChange={(event) => setRoundId(event.target.value)} required>
            <option value="">{noRoundChoice}</option>
            {roundChoices.map((round) => (
              <option key={round.id} value={round.id}>
                {roundSummary(round)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'round-minutes' && rounds.state === 'ready' && roundChoices.length === 0 && (
        <p className="muted small">
          A round&apos;s minutes go only to the mediator and the parties present at it.
        </p>
      )}
      {kind === 'record' && (
        <label>
          Record
          <select value={recordId} onChange={(event) => setRecordId(event.target.value)} required>
            <option value="">{records.state === 'loading' ? 'Loading records…' : 'Choose a record'}</option>
            {(records.data?.items ?? []).map((record) => (
              <option key={record.id} value={record.id}>
                {record.title} · {record.kind} · {record.classification}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="inline">
        <legend>Format</legend>
        {exportFormatsFor(kind).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="format"
              value={value}
              checked={format === value}
              onChange={() => setFormat(value)}
            />{' '}
            {FORMAT_LABELS[value]}
          </label>
        ))}
      </fieldset>
      {isPaged && (
        <>
          <label>
            Page header
            <input
              value={headerText}
              onChange={(event) => setHeaderText(event.target.value)}
              maxLength={200}
              placeholder="Restricted — prepared for the recipient"
              aria-describedby="export-header-hint"
            />
          </label>
          <p id="export-header-hint" className="muted small">
            Printed at the top of every page, with “Page n of m” at the foot. Leave empty for the default.
          </p>
        </>
      )}
      {printsWatermark(format) && (
        <label className="check">
          <input
            type="checkbox"
            checked={watermark}
            onChange={(event) => setWatermark(event.target.checked)}
          />
          Watermark every page with the recipient’s name
        </label>
      )}
      {mayChooseRecipient && (
        <label>
          Recipient
          <select
            value={recipient}
            onChange={(event) => setRecipientUserId(event.target.value)}
            aria-describedby={
              material.kind === 'open'
                ? undefined
                : `export-recipient-hint${ruledOut === undefined ? '' : ' export-recipient-ruled-out'}`
            }
          >
            <option value={selfUserId}>Myself</option>
            {recipients.map((member) => (
              <option key={member.id} value={member.userId}>
                {member.displayName} ({partyName(parties, member.partyId)})
              </option>
            ))}
          </select>
        </label>
      )}
      {mayChooseRecipient && ruledOut !== undefined && (
        <p id="export-recipient-ruled-out" className="warning" role="status">
          {ruledOut} may not read this {materialName}; the copy will be for you.
        </p>
      )}
      {mayChooseRecipient && material.kind !== 'open' && (
        <p id="export-recipient-hint" className="muted small">
          Only members who may read the chosen {materialName} are offered.
        </p>
      )}
      <p className="muted small">
        The copy holds only what its recipient may read. Restricted material carries a mark in the wording
        itself that names the recipient if it leaks; the export is recorded in the audit log.
      </p>
      <button type="submit" disabled={busy}>
        {busy ? 'Rendering…' : 'Export'}
      </button>
      <FormMessage message={sentKey === bodyKey ? message : undefined} />
    </form>
  );
}
