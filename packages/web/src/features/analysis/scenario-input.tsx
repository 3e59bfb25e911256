import type { Analysis } from '@parley/core';
import type { ChangeEvent, FormEvent } from 'react';

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

/** The scenario to analyse: paste Parley JSON or upload a file, choose the utility semantics. */
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
  function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    file.text().then(onText, () => onText(''));
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
          Upload a scenario file
          <input type="file" accept=".json,application/json" onChange={upload} />
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
    </form>
  );
}
