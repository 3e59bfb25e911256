import type { LiveSimulation, LiveSimulationResult, PlanVersionId } from '@parley/core';
import { useEffect, useRef, useState } from 'react';
import {
  cancelLiveSimulation,
  getLiveSimulation,
  listAgents,
  listLiveSimulations,
  startLiveSimulation,
} from '../../api/live-simulation-endpoints';
import { useResource } from '../../api/use-resource';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { usePointNames, type PointRef } from '../../components/use-point-names';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';
import { bargainingLength, exactShareLine } from './simulation-wording';

const POLL_MS = 1000;
const PROTOCOLS = [
  { value: 'sao', label: 'Alternating offers (every party in turn)' },
  { value: 'mediated', label: 'Single negotiating text (the mediator proposes)' },
] as const;

const percent = (share: number) => `${Math.round(share * 100)} %`;
const isActive = (job: LiveSimulation) => job.status === 'queued' || job.status === 'running';

/** The engine's agents (docs/simulation.md) as a mediator reads them; an unknown name shows as it is. */
const AGENT_LABELS: Readonly<Record<string, string>> = {
  boulware: 'Boulware — holds out, concedes near the deadline',
  linear: 'Linear — concedes at an even pace',
  conceder: 'Conceder — concedes early',
  'tit-for-tat': 'Tit for tat — concedes as much as the others did',
  hardliner: 'Hardliner — never concedes',
  random: 'Random offers',
  frequency: 'Frequency model — learns what the others care about',
};

/**
 * "Simulate the talks" (mediator only): a job over every delegation's profile to the next deadline,
 * polled while it runs; the result in the plan's own terms, utilities only of those who shared.
 */
export function LiveSimulationSection({
  negotiationId,
  versionId,
}: {
  negotiationId: string;
  versionId: PlanVersionId;
}) {
  const agents = useResource(listAgents, []);
  const [protocol, setProtocol] = useState<'sao' | 'mediated'>('sao');
  const [runs, setRuns] = useState('200');
  const [agent, setAgent] = useState('boulware');
  const [job, setJob] = useState<LiveSimulation | undefined>();
  const { busy, message, submit, clear } = useFormSubmission();
  const cancelling = useFormSubmission();
  const nameOf = usePointNames(negotiationId, versionId);

  // The newest job of this version, so a reload (or another mediator's start) shows it.
  useEffect(() => {
    let stale = false;
    setJob(undefined);
    listLiveSimulations(negotiationId, versionId).then(
      (list) => stale || setJob(list.items[0]),
      () => undefined,
    );
    return () => {
      stale = true;
    };
  }, [negotiationId, versionId]);

  const activeId = job !== undefined && isActive(job) ? job.id : undefined;
  useEffect(() => {
    if (activeId === undefined) return;
    let stale = false;
    const timer = setInterval(() => {
      getLiveSimulation(negotiationId, activeId).then(
        (next) => stale || setJob(next),
        () => undefined,
      );
    }, POLL_MS);
    return () => {
      stale = true;
      clearInterval(timer);
    };
  }, [negotiationId, activeId]);

  // "Simulation queued." stops being true once the job has run: its status line says what it did.
  // That line had the focus since the start: it goes to what the job did, not to the page.
  const finished = job !== undefined && !isActive(job);
  const outcome = useRef<HTMLDivElement>(null);
  const startForm = useRef<HTMLFormElement>(null);
  // Only for a run started here: a page opened on a finished run keeps the focus where it was.
  const startedHere = useRef(false);
  useEffect(() => {
    if (!finished) return;
    // Moved before the line goes, not after: whenever the page re-renders, the focus is never lost.
    const focused = document.activeElement;
    const isInStartForm = focused !== null && startForm.current?.contains(focused) === true;
    if (startedHere.current && (focused === null || focused === document.body || isInStartForm))
      outcome.current?.focus();
    startedHere.current = false;
    clear();
  }, [finished, clear]);

  const onStart = submit(async () => {
    startedHere.current = true;
    setJob(await startLiveSimulation(negotiationId, versionId, { protocol, runs: Number(runs), agent }));
  }, 'Simulation queued.');
  const onCancel = cancelling.submit(async () => {
    if (job !== undefined) setJob(await cancelLiveSimulation(negotiationId, job.id));
  }, 'Simulation cancelled.');

  return (
    <section className="live-simulation" aria-labelledby="live-simulation-heading">
      <h3 id="live-simulation-heading">Simulate the talks</h3>
      <p className="muted">
        Agents negotiate for every delegation, from its stated preferences with some noise (or drawn at random
        when it stated none), until the next deadline. Run many times, this gives the likely package, the
        chance of agreement in time and the issues that decide it. How the talks end for a delegation is shown
        only if it shared its preferences with you.
      </p>
      <form ref={startForm} className="form" onSubmit={onStart} aria-label="Simulate the talks">
        <label>
          Protocol
          <select
            value={protocol}
            onChange={(event) => setProtocol(event.target.value as 'sao' | 'mediated')}
          >
            {PROTOCOLS.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Runs
          <input
            type="number"
            min={1}
            max={5000}
            value={runs}
            onChange={(event) => setRuns(event.target.value)}
          />
        </label>
        <label>
          Strategy of every agent
          <select value={agent} onChange={(event) => setAgent(event.target.value)}>
            {(agents.data?.items ?? ['boulware']).map((name) => (
              <option key={name} value={name}>
                {AGENT_LABELS[name] ?? name}
              </option>
            ))}
          </select>
        </label>
        <FormMessage message={message} />
        <button type="submit" disabled={busy || activeId !== undefined}>
          {busy ? 'Starting…' : 'Start the simulation'}
        </button>
      </form>
      {/* Focused (above) when a run this page started ends: what it did, then its result. */}
      <div ref={outcome} tabIndex={-1} aria-label="Simulation outcome" role="group">
        {job !== undefined && <JobStatus job={job} />}
        {job !== undefined && job.result !== null && (
          <SimulationResult job={job} result={job.result} nameOf={nameOf} />
        )}
      </div>
      {activeId !== undefined && (
        <form onSubmit={onCancel} aria-label="Cancel the simulation">
          <FormMessage message={cancelling.message} />
          <button type="submit" disabled={cancelling.busy}>
            Cancel the simulation
          </button>
        </form>
      )}
    </section>
  );
}

function JobStatus({ job }: { job: LiveSimulation }) {
  const { negotiation } = useNegotiation();
  return (
    <div className="job-status">
      <p role="status">
        Simulation {job.status}: {job.progress.done} of {job.progress.total} runs · {bargainingLength(job)}
      </p>
      {/* A result stays until the next run: when it was started says what it could not know. */}
      <p className="muted small">
        Started {formatIn(job.createdAt, negotiation.timeZone)}, from the issues and the preferences as they
        were then; start it again after they change.
      </p>
      {isActive(job) && (
        <progress aria-label="Simulation progress" value={job.progress.done} max={job.progress.total} />
      )}
      {job.error !== null && <p className="error">{job.error}</p>}
      {job.profiles.length > 0 && (
        <table>
          <caption>
            What each delegation stated, as its agent used it: how good no agreement is for it, and how much
            an agreement loses by waiting until the deadline
          </caption>
          <thead>
            <tr>
              <th scope="col">Delegation</th>
              <th scope="col">Value of no agreement (0–100)</th>
              <th scope="col">An agreement at the deadline keeps</th>
            </tr>
          </thead>
          <tbody>
            {job.profiles.map((entry) => (
              <tr key={entry.partyId}>
                <th scope="row">{entry.partyName}</th>
                <td>{Math.round(entry.reservation * 1000) / 10}</td>
                {/* The live simulation discounts over the time to the deadline: d is what is left then. */}
                <td>
                  {entry.discount === null
                    ? 'all its value'
                    : `${Math.round(entry.discount * 1000) / 10} % of its value`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {job.notices.map((notice) => (
        <p key={notice} className="warning" role="note">
          {notice}
        </p>
      ))}
    </div>
  );
}

function SimulationResult({
  job,
  result,
  nameOf,
}: {
  job: LiveSimulation;
  result: LiveSimulationResult;
  nameOf: (point: PointRef) => string;
}) {
  return (
    <div className="live-results" aria-label="Simulation result">
      <p>
        <strong>Probability of agreement by the deadline: {percent(result.agreementProbability)}</strong> (95
        % interval {percent(result.agreementInterval.low)}–{percent(result.agreementInterval.high)},{' '}
        {job.runs} runs)
        {result.meanHoursToAgreement !== null &&
          `; agreement after ${result.meanHoursToAgreement} h on average`}
        .
      </p>
      {result.likelyPackage === null ? (
        <p>No run reached agreement before the deadline.</p>
      ) : (
        <div className="card">
          <h4>Likely package</h4>
          <dl className="package-choices" aria-label="Likely package">
            {result.likelyPackage.choices.map((choice) => (
              <div key={choice.pointId}>
                <dt>Point {nameOf(choice)}</dt>
                <dd>
                  {choice.option} <span className="muted">({percent(choice.share)} of agreements)</span>
                </dd>
              </div>
            ))}
          </dl>
          <p className="muted">{exactShareLine(result.likelyPackage.exactShare)}</p>
        </div>
      )}
      {result.decisiveIssues.length > 0 && (
        <table>
          <caption>Issues that decide it (outcome varies most across runs)</caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col">Unsettled</th>
              <th scope="col">Outcomes</th>
            </tr>
          </thead>
          <tbody>
            {result.decisiveIssues.map((issue) => (
              <tr key={issue.pointId}>
                <td>{nameOf(issue)}</td>
                <td>{percent(issue.variability)}</td>
                <td>{issue.options.map((entry) => `${entry.option} ${percent(entry.share)}`).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.utilities.length > 0 && (
        <table>
          <caption>How the talks end for the delegations that shared (0–100, median and 10–90 %)</caption>
          <tbody>
            {result.utilities.map((entry) => (
              <tr key={entry.partyId}>
                <th scope="row">{entry.partyName}</th>
                <td>
                  {Math.round(entry.utility.p50 * 100)} ({Math.round(entry.utility.p10 * 100)}–
                  {Math.round(entry.utility.p90 * 100)})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
