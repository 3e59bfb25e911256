import { useEffect, useState, type FormEvent } from 'react';
import { completePackage, type PackageIssue } from './package-issues';

export type PackagePickerProps = {
  issues: readonly PackageIssue[];
  /** What the form starts from: the package analysed last, else the Nash package. */
  initial: Readonly<Record<string, string>>;
  isActive: boolean;
  busy: boolean;
  onAnalyse: (chosen: Record<string, string>) => void;
  onClear: () => void;
};

/** The package on the table, one value per issue: the analysis lists its Pareto improvements and trades from it. */
export function PackagePicker({ issues, initial, isActive, busy, onAnalyse, onClear }: PackagePickerProps) {
  const [chosen, setChosen] = useState(() => completePackage(issues, initial));
  // A new scenario or a new analysis resets the form to what was analysed.
  useEffect(() => setChosen(completePackage(issues, initial)), [issues, initial]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onAnalyse(completePackage(issues, chosen));
  }
  const set = (issue: string, value: string) => setChosen((previous) => ({ ...previous, [issue]: value }));
  return (
    <form className="card form" aria-labelledby="package-title" onSubmit={submit}>
      <h2 id="package-title">Package on the table</h2>
      <p className="muted small">
        Enter the package being discussed, one option per issue: the analysis marks it on the frontier, lists
        the packages that make no side worse and some side better, and suggests trades from it. It starts from
        the Nash package.
      </p>
      <div className="package-fields">
        {issues.map((issue) => (
          <label key={issue.name}>
            {issue.name}
            {issue.kind === 'discrete' ? (
              <select
                aria-label={issue.name}
                value={chosen[issue.name] ?? ''}
                onChange={(event) => set(issue.name, event.target.value)}
              >
                {issue.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                aria-label={issue.name}
                type="number"
                step={1}
                min={issue.lower}
                max={issue.upper}
                value={chosen[issue.name] ?? ''}
                onChange={(event) => set(issue.name, event.target.value)}
              />
            )}
          </label>
        ))}
      </div>
      <div className="toolbar">
        <button type="submit" disabled={busy}>
          Evaluate this package
        </button>
        {isActive && (
          <button type="button" className="secondary" disabled={busy} onClick={onClear}>
            Clear the package
          </button>
        )}
      </div>
    </form>
  );
}
