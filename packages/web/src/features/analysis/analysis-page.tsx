import type { Analysis } from '@parley/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { analyzeScenario, getAnalysisExample } from '../../api/endpoints';
import { usePageTitle } from '../../components/page-title';
import { ErrorMessage, Loading } from '../../components/status';
import { AnalysisResults } from './analysis-results';
import { completePackage, packageIssuesOf } from './package-issues';
import { PackagePicker } from './package-picker';
import { ScenarioInput } from './scenario-input';

type Semantics = Analysis['semantics'];
type Package = Record<string, string>;
type Result =
  | { state: 'idle' }
  | { state: 'busy'; last?: Analysed }
  | { state: 'ready'; analysed: Analysed }
  | { state: 'error'; error: unknown };
/** An analysis with the scenario text it was computed from (the package form reads its options there). */
type Analysed = { analysis: Analysis; scenarioText: string };

/** Parses the textarea; a JSON mistake is reported here, before anything is sent. */
function parseScenario(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (failure) {
    throw new Error(
      `The scenario is not valid JSON: ${failure instanceof Error ? failure.message : String(failure)}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('The scenario must be a JSON object.');
  return value as Record<string, unknown>;
}

export function AnalysisPage() {
  usePageTitle('Analysis');
  const [text, setText] = useState('');
  const [semantics, setSemantics] = useState<Semantics>('genius');
  const [result, setResult] = useState<Result>({ state: 'idle' });
  // A run the user asked for disables its button, and the focus fell to the page: once it ends,
  // the focus goes to the results (or the error). Not for the example analysed on arrival.
  const focusOutcome = useRef(false);
  useEffect(() => {
    if (result.state === 'busy' || result.state === 'idle' || !focusOutcome.current) return;
    focusOutcome.current = false;
    const focused = document.activeElement;
    const lost =
      focused === null ||
      focused === document.body ||
      (focused instanceof HTMLButtonElement && focused.disabled);
    if (!lost) return;
    const target =
      result.state === 'ready'
        ? document.getElementById('frontier-title')
        : document.querySelector<HTMLElement>('.analysis-outcome [role="alert"]');
    target?.setAttribute('tabindex', '-1');
    target?.focus();
  }, [result.state]);

  const run = useCallback((scenarioText: string, chosen: Semantics, onTable?: Package) => {
    setResult((previous) => ({ state: 'busy', last: lastOf(previous) }));
    Promise.resolve()
      .then(() =>
        analyzeScenario({
          scenario: parseScenario(scenarioText),
          semantics: chosen,
          ...(onTable === undefined ? {} : { package: onTable }),
        }),
      )
      .then(
        (analysis) => setResult({ state: 'ready', analysed: { analysis, scenarioText } }),
        (error: unknown) => setResult({ state: 'error', error }),
      );
  }, []);

  const loadExample = useCallback(() => {
    setResult({ state: 'busy' });
    getAnalysisExample().then(
      (example) => {
        const exampleText = JSON.stringify(example.scenario, null, 2);
        setText(exampleText);
        run(exampleText, semantics);
      },
      (error: unknown) => setResult({ state: 'error', error }),
    );
  }, [run, semantics]);

  // The example is analysed once, on arrival, so the page shows something useful at once.
  useEffect(loadExample, []);

  const shown = result.state === 'ready' ? result.analysed : lastOf(result);
  const issues = useMemo(
    () => (shown === undefined ? undefined : packageIssuesOf(shown.scenarioText)),
    [shown?.scenarioText],
  );
  const onTable = shown?.analysis.package?.outcome;
  const initial = useMemo(() => onTable ?? shown?.analysis.solutions.nash?.outcome ?? {}, [shown]);

  /** The scenario form keeps the package on the table while it still fits the scenario sent. */
  function analyseScenario() {
    const fresh = packageIssuesOf(text);
    const keep =
      onTable !== undefined &&
      fresh !== undefined &&
      JSON.stringify(completePackage(fresh, onTable)) === JSON.stringify(onTable);
    focusOutcome.current = true;
    run(text, semantics, keep ? onTable : undefined);
  }

  return (
    <>
      <h1>Analysis</h1>
      <p className="muted">
        The Pareto frontier, bargaining solutions, contested issues and possible trades of a negotiation
        scenario you paste or upload: the example is an invented one, not any negotiation of yours. Nothing
        you paste here is stored. For the live plan of a negotiation, open it and choose{' '}
        <em>Suggested packages</em> (mediator) or <em>Our preferences</em>.
      </p>
      <ScenarioInput
        text={text}
        onText={setText}
        semantics={semantics}
        onSemantics={setSemantics}
        busy={result.state === 'busy'}
        onSubmit={analyseScenario}
        onReset={() => {
          focusOutcome.current = true;
          loadExample();
        }}
      />
      <div aria-live="polite" className="analysis-outcome">
        {result.state === 'busy' && <Loading what="the analysis" />}
        {result.state === 'error' && <ErrorMessage error={result.error} />}
      </div>
      {shown && issues && (
        <PackagePicker
          issues={issues}
          initial={initial}
          isActive={onTable !== undefined}
          busy={result.state === 'busy'}
          onAnalyse={(chosen) => {
            focusOutcome.current = true;
            run(shown.scenarioText, shown.analysis.semantics, chosen);
          }}
          onClear={() => {
            focusOutcome.current = true;
            run(shown.scenarioText, shown.analysis.semantics);
          }}
        />
      )}
      {shown && <AnalysisResults analysis={shown.analysis} />}
    </>
  );
}

function lastOf(result: Result): Analysed | undefined {
  if (result.state === 'ready') return result.analysed;
  if (result.state === 'busy') return result.last;
  return undefined;
}
