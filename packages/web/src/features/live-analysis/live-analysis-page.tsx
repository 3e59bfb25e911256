import type { LiveAnalysis, PlanVersionId, SuggestedPackage } from '@parley/core';
import { useState } from 'react';
import { runLiveAnalysis } from '../../api/live-analysis-endpoints';
import { FormMessage, useFormSubmission } from '../../components/form-submission';
import { usePageTitle } from '../../components/page-title';
import { usePointNames, type PointRef } from '../../components/use-point-names';
import { VersionSelect } from '../../components/version-select';
import { mayIn, useSession } from '../../app/session';
import { useNegotiation } from '../negotiation/negotiation-context';
import { ImprovementPanel } from './improvement-panel';
import { LiveSimulationSection } from './live-simulation';

const KIND_LABELS: Record<string, string> = {
  // The research names stay in brackets: a mediator's adviser will know them.
  nash: 'Balanced gains (Nash)',
  'kalai-smorodinsky': 'Same share of each one’s best (Kalai–Smorodinsky)',
  utilitarian: 'Greatest total',
  egalitarian: 'Best for the worst-off',
  improvement: 'Better for every party',
};

/** Suggested packages over the profiles submitted, in the plan's own terms. */
export function LiveAnalysisPage() {
  const { negotiation, plan, latestVersionId, tick } = useNegotiation();
  const { me } = useSession();
  usePageTitle('Suggested packages', negotiation.title);
  const [versionId, setVersionId] = useState<PlanVersionId | ''>(latestVersionId ?? '');
  const [analysis, setAnalysis] = useState<LiveAnalysis | undefined>();
  const { busy, message, submit } = useFormSubmission();
  const nameOf = usePointNames(negotiation.id, analysis?.versionId);
  const onSubmit = submit(async () => {
    setAnalysis(undefined);
    // The form is shown only once a version is chosen.
    if (versionId === '') return;
    setAnalysis(await runLiveAnalysis(negotiation.id, versionId));
  }, 'Packages computed.');
  return (
    <section className="page" aria-labelledby="live-analysis-heading">
      <h2 id="live-analysis-heading">Suggested packages</h2>
      <p className="muted">
        Computed by Parley over the preferences the delegations entered. You see the packages and how each of
        them rates them (out of 100), for the delegations whose preferences you may read; nothing else.
      </p>
      {!mayIn(me, 'live-analysis.run', negotiation.id) ? (
        // The tab is not offered without the right; reached by its address, the page says so
        // rather than show a form the server would refuse.
        <p className="muted">
          Only the mediator&rsquo;s delegation and the negotiating parties run the analysis.
        </p>
      ) : versionId === '' ? (
        <p>The plan has no version yet.</p>
      ) : (
        <form className="form" onSubmit={onSubmit} aria-label="Run the analysis">
          <VersionSelect label="Version" plan={plan} value={versionId} onChange={setVersionId} />
          <FormMessage message={message} />
          <button type="submit" disabled={busy}>
            {busy ? 'Computing…' : 'Suggest packages'}
          </button>
        </form>
      )}
      {analysis !== undefined && <Results analysis={analysis} nameOf={nameOf} />}
      {versionId !== '' && (
        <ImprovementPanel negotiationId={negotiation.id} versionId={versionId} tick={tick} />
      )}
      {versionId !== '' && mayIn(me, 'live-simulation.run', negotiation.id) && (
        <LiveSimulationSection negotiationId={negotiation.id} versionId={versionId} />
      )}
    </section>
  );
}

type Namer = (point: PointRef) => string;

function Results({ analysis, nameOf }: { analysis: LiveAnalysis; nameOf: Namer }) {
  return (
    <div className="live-results">
      {analysis.notices.map((notice) => (
        <p key={notice} className="warning" role="note">
          {notice}
        </p>
      ))}
      <ol className="package-list" aria-label="Suggested packages">
        {analysis.packages.map((entry, index) => (
          <PackageCard key={index} entry={entry} index={index} nameOf={nameOf} />
        ))}
      </ol>
      {analysis.disclosedParties.length > 0 && <UtilityChart analysis={analysis} />}
      {analysis.contention !== null && (
        <table>
          <caption>Contention per issue (every profile was shared)</caption>
          <thead>
            <tr>
              <th scope="col">Point</th>
              <th scope="col">Contention</th>
            </tr>
          </thead>
          <tbody>
            {analysis.contention.map((row) => (
              <tr key={row.pointId}>
                <td>{row.number}</td>
                <td>{row.contention.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function PackageCard({ entry, index, nameOf }: { entry: SuggestedPackage; index: number; nameOf: Namer }) {
  return (
    <li className="card">
      <h3>
        Package {index + 1}: {entry.kinds.map((kind) => KIND_LABELS[kind] ?? kind).join(', ')}
      </h3>
      <dl className="package-choices">
        {entry.choices.map((choice) => (
          <div key={choice.pointId}>
            <dt>Point {nameOf(choice)}</dt>
            <dd>{choice.option}</dd>
          </div>
        ))}
      </dl>
      {entry.utilities.length > 0 && (
        <p>
          {entry.utilities
            .map((utility) => `${utility.partyName}: ${(utility.utility * 100).toFixed(0)} / 100`)
            .join(' · ')}
        </p>
      )}
    </li>
  );
}

/** Bars per package for each party whose numbers the viewer may read. */
function UtilityChart({ analysis }: { analysis: LiveAnalysis }) {
  const parties = analysis.disclosedParties;
  const barHeight = 14;
  const rowHeight = parties.length * barHeight + 12;
  const height = analysis.packages.length * rowHeight + 20;
  return (
    <figure className="utility-chart">
      <svg
        role="img"
        aria-label={`Utility of each suggested package for ${parties.map((party) => party.partyName).join(' and ')}`}
        viewBox={`0 0 320 ${height}`}
        width="100%"
      >
        {analysis.packages.map((entry, row) =>
          entry.utilities.map((utility, bar) => (
            <g key={`${row}-${utility.partyId}`}>
              {bar === 0 && (
                <text x={0} y={row * rowHeight + 12} fontSize={10}>
                  {row + 1}
                </text>
              )}
              <rect
                x={20}
                y={row * rowHeight + bar * barHeight + 2}
                width={Math.max(1, utility.utility * 280)}
                height={barHeight - 3}
                className={`bar party-${bar}`}
              />
            </g>
          )),
        )}
      </svg>
      <figcaption>
        {parties.map((party, index) => (
          <span key={party.partyId} className={`legend party-${index}`}>
            {party.partyName}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
