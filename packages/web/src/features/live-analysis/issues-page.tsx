import type { IssueDefinition, LiveIssue, PlanVersionId } from '@parley/core';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { listIssues, setIssue } from '../../api/live-analysis-endpoints';
import { useResource } from '../../api/use-resource';
import { mayIn, useSession } from '../../app/session';
import { ConflictChoice } from '../../components/conflict-choice';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { usePointNames } from '../../components/use-point-names';
import { VersionSelect } from '../../components/version-select';
import { useNegotiation } from '../negotiation/negotiation-context';
import { GeniusPanel } from './genius-panel';

/** The mediator marks points of a version as negotiable issues: options, or a numeric range. */
export function IssuesPage() {
  const { negotiation, plan, latestVersionId, tick } = useNegotiation();
  const { me } = useSession();
  usePageTitle('Issues', negotiation.title);
  const [versionId, setVersionId] = useState<PlanVersionId | ''>(latestVersionId ?? '');
  const [saved, setSaved] = useState(0);
  const data = useResource(
    () => (versionId === '' ? Promise.resolve(null) : listIssues(negotiation.id, versionId)),
    [negotiation.id, versionId, tick, saved],
  );
  // An import replaces definitions: the editors start again from them, once they have arrived (a
  // remount at the moment of the import read the old ones, and a save would have undone it).
  const [generation, setGeneration] = useState(0);
  const [importedOver, setImportedOver] = useState<unknown>(undefined);
  useEffect(() => {
    if (importedOver === undefined || data.data === importedOver) return;
    setImportedOver(undefined);
    setGeneration((n) => n + 1);
  }, [data.data, importedOver]);
  const canManage = mayIn(me, 'issue.manage', negotiation.id);
  const nameOf = usePointNames(negotiation.id, versionId === '' ? undefined : versionId);
  return (
    <section className="page" aria-labelledby="issues-heading">
      <h2 id="issues-heading">Issues and options</h2>
      <p className="muted">
        A negotiable point has options (or a numeric range). Options follow the point into later versions;
        after a merge or split the mediator confirms them again.
      </p>
      {versionId === '' ? (
        <p>The plan has no version yet.</p>
      ) : (
        <>
          <VersionSelect label="Version" plan={plan} value={versionId} onChange={setVersionId} />
          <Show resource={data} what="the issues">
            {(issues) => (
              <>
                <GeniusPanel
                  negotiationId={negotiation.id}
                  versionId={versionId}
                  points={issues?.points ?? []}
                  nameOf={nameOf}
                  canManage={canManage}
                  onImported={() => {
                    setImportedOver(data.data);
                    setSaved((n) => n + 1);
                  }}
                />
                <ul className="issue-list">
                  {(issues?.points ?? []).map((point) => (
                    <li key={`${point.pointId}:${generation}`} className="card">
                      <IssueEditor
                        point={point}
                        heading={nameOf(point)}
                        canManage={canManage}
                        onSave={async (definition, previous) => {
                          const stored = await setIssue(
                            negotiation.id,
                            { versionId, pointId: point.pointId },
                            { definition, previous },
                          );
                          setSaved((n) => n + 1);
                          return stored.definition;
                        }}
                        readCurrent={async () =>
                          (await listIssues(negotiation.id, versionId)).points.find(
                            (current) => current.pointId === point.pointId,
                          )?.definition ?? null
                        }
                      />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Show>
        </>
      )}
    </section>
  );
}

type Kind = 'none' | 'options' | 'range';

function IssueEditor({
  point,
  heading,
  canManage,
  onSave,
  readCurrent,
}: {
  point: LiveIssue;
  heading: string;
  canManage: boolean;
  /** Answers the definition as stored (labels trimmed and composed), which the next save replaces. */
  onSave: (
    definition: IssueDefinition | null,
    previous: IssueDefinition | null,
  ) => Promise<IssueDefinition | null>;
  /** The point's definition as stored now, after a save found it changed meanwhile. */
  readCurrent: () => Promise<IssueDefinition | null>;
}) {
  const d = point.definition;
  // What this editor's save replaces: what it showed, or what someone saved meanwhile once seen.
  const [base, setBase] = useState<IssueDefinition | null>(d);
  const [theirs, setTheirs] = useState<IssueDefinition | null | undefined>(undefined);
  const [kind, setKind] = useState<Kind>(d?.kind ?? 'none');
  const [options, setOptions] = useState(d?.kind === 'options' ? d.options.join('\n') : '');
  const [min, setMin] = useState(d?.kind === 'range' ? String(d.min) : '0');
  const [max, setMax] = useState(d?.kind === 'range' ? String(d.max) : '100');
  const [step, setStep] = useState(d?.kind === 'range' ? String(d.step) : '10');
  const [unit, setUnit] = useState(d?.kind === 'range' ? d.unit : '');
  const { busy, message, submit } = useFormSubmission();
  const id = `issue-${point.pointId}`;
  const summary = summaryOf(d);
  const fill = (shown: IssueDefinition | null) => {
    setKind(shown?.kind ?? 'none');
    if (shown?.kind === 'options') setOptions(shown.options.join('\n'));
    if (shown?.kind === 'range') {
      setMin(String(shown.min));
      setMax(String(shown.max));
      setStep(String(shown.step));
      setUnit(shown.unit);
    }
  };
  if (!canManage)
    return (
      <>
        <h3>{heading}</h3>
        <p>{summary}</p>
      </>
    );
  const definition = (): IssueDefinition | null => {
    if (kind === 'none') return null;
    if (kind === 'options')
      return {
        kind,
        options: options
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
      };
    return { kind, min: Number(min), max: Number(max), step: Number(step), unit };
  };
  const save = (over: IssueDefinition | null) =>
    submit(async () => {
      try {
        // The editor stays mounted after a save: its next save replaces this one, not what it first showed.
        setBase(await onSave(definition(), over));
        setTheirs(undefined);
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.isConflict)) throw failure;
        // Shown with the form as typed: saving again replaces theirs knowingly, or theirs is taken in.
        const current = await readCurrent();
        setBase(current);
        setTheirs(current);
        throw failure;
      }
    }, `Point ${point.number} saved.`);
  return (
    <form aria-labelledby={`${id}-h`} onSubmit={save(base)}>
      <h3 id={`${id}-h`}>{heading}</h3>
      {point.needsReconciling && (
        <p className="warning" role="note">
          Needs reconciling: this point was merged or split. Check its options and save them.
        </p>
      )}
      <label>
        Negotiable as<span className="visually-hidden"> (point {point.number})</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="none">Not an issue</option>
          <option value="options">Options</option>
          <option value="range">Numeric range</option>
        </select>
      </label>
      {kind === 'options' && (
        <label>
          Options (one per line)
          <textarea dir="auto" rows={3} value={options} onChange={(e) => setOptions(e.target.value)} />
        </label>
      )}
      {kind === 'range' && (
        <div className="range-fields">
          <label>
            From
            <input type="number" value={min} onChange={(e) => setMin(e.target.value)} />
          </label>
          <label>
            To
            <input type="number" value={max} onChange={(e) => setMax(e.target.value)} />
          </label>
          <label>
            Step
            <input type="number" value={step} onChange={(e) => setStep(e.target.value)} />
          </label>
          <label>
            Unit
            <input value={unit} onChange={(e) => setUnit(e.target.value)} />
          </label>
        </div>
      )}
      <FormMessage message={message} />
      {theirs !== undefined && (
        <ConflictChoice
          busy={busy}
          onSaveMine={save(theirs)}
          onKeepTheirs={() => {
            fill(theirs);
            setTheirs(undefined);
          }}
        >
          Saved meanwhile: {summaryOf(theirs)}.
        </ConflictChoice>
      )}
      <button type="submit" disabled={busy || theirs !== undefined}>
        Save point {point.number}
      </button>
    </form>
  );
}

function summaryOf(definition: IssueDefinition | null): string {
  if (definition === null) return 'Not an issue';
  return definition.kind === 'options'
    ? definition.options.join(' · ')
    : `${definition.min}–${definition.max} ${definition.unit} (step ${definition.step})`;
}
