import type { Analysis } from '@parley/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { errorMessage } from '../../api/api-error';
import { readGeniusScenario } from '../../api/endpoints';
import { fileToBase64 } from '../../api/file-base64';

type Semantics = Analysis['semantics'];

export type ScenarioInputProps = {
  text: string;
  onText: (text: string) => void;
  semantics: Semantics;
  onSemantics: (semantics: Semantics) => void;
  busy: boolean;
  onSubmit: () => void;
  onReset: () => void;
};

/**
 * The scenario to analyse: paste Parley JSON or upload a file — Parley JSON, or a GENIUS folder as
 * a zip (the research format, and what a negotiation's Issues page downloads), which the server
 * reads into the same JSON so it can be checked and edited here — and choose the semantics.
 */
export function ScenarioInput({
  text,
  onText,
  semantics,
  onSemantics,
  busy,
  onSubmit,
  onReset,
}: ScenarioInputProps) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  const [upload, setUpload] = useState<{ kind: 'reading' | 'error'; text: string } | undefined>();
  function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    setUpload(undefined);
    if (!/\.zip$/i.test(file.name)) {
      file.text().then(onText, () => onText(''));
      return;
    }
    setUpload({ kind: 'reading', text: `Reading the GENIUS folder ${file.name}…` });
    fileToBase64(file)
      .then(readGeniusScenario)
      .then(
        ({ scenario }) => {
          onText(JSON.stringify(scenario, null, 2));
          setUpload({ kind: 'reading', text: `${file.name} read as the scenario below: analyse it.` });
        },
        (failure: unknown) => setUpload({ kind: 'error', text: errorMessage(failure) }),
      );
  }
  return (
    <form className="card form" aria-label="Scenario" onSubmit={submit}>
      <label>
        Scenario (Parley JSON)
        <textarea
          className="scenario-text"
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(e) => onText(e.target.value)}
        />
      </label>
      <div className="toolbar">
        <label>
          Upload a scenario file (Parley JSON, or a GENIUS folder as a zip)
          <input type="file" accept=".json,application/json,.zip,application/zip" onChange={read} />
        </label>
        <label>
          Semantics
          <select
            value={semantics}
            onChange={(e) => onSemantics(e.target.value === 'negmas' ? 'negmas' : 'genius')}
          >
            <option value="genius">GENIUS</option>
            <option value="negmas">NegMAS</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Analysing…' : 'Analyse'}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onReset}>
          Load the example
        </button>
      </div>
      {upload !== undefined && (
        <p
          className={upload.kind === 'error' ? 'error' : 'muted'}
          role={upload.kind === 'error' ? 'alert' : 'status'}
        >
          {upload.text}
        </p>
      )}
    </form>
  );
}
