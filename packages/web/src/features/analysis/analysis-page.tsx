import type { Analysis } from '@parley/core';
import { useCallback, useEffect, useState } from 'react';
import { analyzeScenario, getAnalysisExample } from '../../api/endpoints';
import { ErrorMessage, Loading } from '../../components/status';
import { AnalysisResults } from './analysis-results';
import { ScenarioInput } from './scenario-input';

type Semantics = Analysis['semantics'];
type Result = { state: 'idle' } | { state: 'busy'; last?: Analysis } | { state: 'ready'; analysis: Analysis } | { state: 'error'; error: unknown };

/** Parses the textarea; a JSON mistake is reported here, before anything is sent. */
function parseScenario(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (failure) {
    throw new Error(`The scenario is not valid JSON: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('The scenario must be a JSON object.');
  return value as Record<string, unknown>;
}

export function AnalysisPage() {
  const [text, setText] = useState('');
  const [semantics, setSemantics] = useState<Semantics>('genius');
  const [result, setResult] = useState<Result>({ state: 'idle' });

  const run = useCallback((scenarioText: string, chosen: Semantics) => {
    setResult((previous) => ({ state: 'busy', last: previous.state === 'ready' ? previous.analysis : undefined }));
    Promise.resolve()
      .then(() => analyzeScenario({ scenario: parseScenario(scenarioText), semantics: chosen }))
      .then((analysis) => setResult({ state: 'ready', analysis }), (error: unknown) => setResult({ state: 'error', error }));
  }, []);

  const loadExample = useCallback(() => {
    setResult({ state: 'busy' });
    getAnalysisExample().then((example) => {
      const exampleText = JSON.stringify(example.scenario, null, 2);
      setText(exampleText);
      run(exampleText, semantics);
    }, (error: unknown) => setResult({ state: 'error', error }));
  }, [run, semantics]);

  // The example is analysed once, on arrival, so the page shows something useful at once.
  useEffect(loadExample, []);

  const shown = result.state === 'ready' ? result.analysis : result.state === 'busy' ? result.last : undefined;
  return (
    <>
      <h1>Analysis</h1>
      <p className="muted">
        The Pareto frontier, bargaining solutions, contested issues and possible trades of a negotiation scenario. Nothing you
        paste here is stored.
      </p>
      <ScenarioInput
        text={text} onText={setText} semantics={semantics} onSemantics={setSemantics}
        busy={result.state === 'busy'} onSubmit={() => run(text, semantics)} onReset={loadExample}
      />
      <div aria-live="polite">
        {result.state === 'busy' && <Loading what="the analysis" />}
        {result.state === 'error' && <ErrorMessage error={result.error} />}
      </div>
      {shown && <AnalysisResults analysis={shown} />}
    </>
  );
}
