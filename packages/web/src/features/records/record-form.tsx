import {
  CLASSIFICATIONS,
  ClassificationSchema,
  RecordKindSchema,
  type Classification,
  type Party,
  type RecordKind,
} from '@parley/core';
import { textOf, titleFor } from './text-of';
import { useState } from 'react';
import { z } from 'zod';
import { createRecord } from '../../api/story-endpoints';
import { useSession } from '../../app/session';
import { labelOf } from '../../components/chips';
import { useFieldForm } from '../../components/field-form';
import { useKeptDraft } from '../../components/kept-draft';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { useNegotiation } from '../negotiation/negotiation-context';
import { WHO_READS } from './who-reads';

const KINDS: readonly { value: RecordKind; label: string }[] = [
  { value: 'transcript', label: 'Transcript' },
  { value: 'note', label: 'Note' },
  { value: 'memo', label: 'Memo' },
];

/** Files a transcript, note or memo for one of the viewer's own delegations, classified. */
export function RecordForm({ ownParties }: { ownParties: readonly Party[] }) {
  const { negotiation, refresh } = useNegotiation();
  const [owningPartyId, setOwningPartyId] = useState(ownParties[0]?.id ?? '');
  const { me } = useSession();
  // A pasted transcript is pages of work: another section or a reload must not lose it.
  const kept = useKeptDraft({
    key: `parley.record.${me.user.id}.${negotiation.id}`,
    schema: KeptRecordSchema,
    empty: EMPTY_RECORD,
    isEmpty: (work) => work.title === '' && work.body === '',
  });
  const { kind, classification, title, body } = kept.value;
  const edit = (change: Partial<KeptRecord>) => kept.setValue((work) => ({ ...work, ...change }));
  const setKind = (next: RecordKind) => edit({ kind: next });
  const setClassification = (next: Classification) => edit({ classification: next });
  const setTitle = (next: string) => edit({ title: next });
  const setBody = (next: string) => edit({ body: next });
  const [fileNote, setFileNote] = useState<string | undefined>(undefined);
  const form = useFieldForm('File a record');

  // Text files are read here, in the browser: the record stores text, so nothing else is uploaded.
  async function readFile(file: File | undefined) {
    if (file === undefined) return;
    if (!/\.(txt|md|markdown|text)$/i.test(file.name) && !file.type.startsWith('text/')) {
      setFileNote(`${file.name} is not a text file: save the transcript as .txt or .md first.`);
      return;
    }
    const text = textOf(await file.arrayBuffer());
    if (text === undefined) {
      setFileNote(
        `${file.name} does not hold text (it is binary, or not UTF-8): save it as plain text first.`,
      );
      return;
    }
    setBody(text);
    if (title === '') setTitle(titleFor(file.name, text));
    setFileNote(`Read ${file.name}: edit the text below before filing if needed.`);
  }

  const onSubmit = form.submit(async () => {
    await createRecord(negotiation.id, { owningPartyId, kind, classification, title, body });
    // Filed: nothing is left to keep; the next record starts with the same kind and classification.
    edit({ title: '', body: '' });
    setFileNote(undefined);
    refresh();
  }, 'Record filed.');

  return (
    <details className="card" open={kept.isRestored || undefined}>
      <summary>File a record</summary>
      <KeptDraftNotice isRestored={kept.isRestored} hasWork={kept.hasWork} onDiscard={kept.discard} />
      <form ref={form.formRef} onSubmit={onSubmit} className="form" aria-label="File a record">
        {ownParties.length > 1 && (
          <label>
            For
            <select value={owningPartyId} onChange={(e) => setOwningPartyId(e.target.value)}>
              {ownParties.map((party) => (
                <option key={party.id} value={party.id}>
                  {party.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value as RecordKind)}>
            {KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset {...form.describe('classification')}>
          <legend>Classification: who may read it</legend>
          {CLASSIFICATIONS.map((value) => (
            <label key={value} className="inline">
              <input
                type="radio"
                name="classification"
                checked={classification === value}
                onChange={() => setClassification(value)}
              />
              {labelOf(value)}: {WHO_READS[value]}
            </label>
          ))}
          {form.fieldError('classification')}
        </fieldset>
        <label>
          Upload a text file (.txt or .md)
          <input
            type="file"
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            onChange={(e) => void readFile(e.target.files?.[0])}
          />
          {fileNote && <span className="muted small">{fileNote}</span>}
        </label>
        <label>
          Title
          <input
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            {...form.describe('title')}
          />
        </label>
        {form.fieldError('title')}
        <label>
          Text
          <textarea
            dir="auto"
            rows={6}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            {...form.describe('body')}
          />
        </label>
        {form.fieldError('body')}
        {form.outcomeLine()}
        <button type="submit" disabled={form.busy || owningPartyId === ''}>
          File the record
        </button>
      </form>
    </details>
  );
}

const KeptRecordSchema = z.object({
  kind: RecordKindSchema,
  classification: ClassificationSchema,
  title: z.string(),
  body: z.string(),
});
type KeptRecord = z.infer<typeof KeptRecordSchema>;
const EMPTY_RECORD: KeptRecord = { kind: 'note', classification: 'delegation', title: '', body: '' };
