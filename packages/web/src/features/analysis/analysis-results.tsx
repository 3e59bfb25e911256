import type { Analysis } from '@parley/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { FrontierChart, SOLUTIONS } from './frontier-chart';
import { ScrollRegion } from '../../components/scroll-region';

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
const signed = (gain: number) => `${gain >= 0 ? '+' : ''}${gain.toFixed(3)}`;

export function AnalysisResults({ analysis }: { analysis: Analysis }) {
  return (
    <div className="analysis">
      <FrontierChart analysis={analysis} />
      <div className="grid analysis-grid">
        <Zone analysis={analysis} />
        <Contention analysis={analysis} />
      </div>
      <Packages analysis={analysis} />
      <Improvements analysis={analysis} />
      <Trades analysis={analysis} />
      <p className="muted small">
        Semantics: {analysis.semantics}; computed in {analysis.elapsedMs.toFixed(0)} ms.
      </p>
    </div>
  );
}

function Zone({ analysis }: { analysis: Analysis }) {
  const { zone, parties } = analysis;
  return (
    <section className="card" aria-labelledby="zone-title">
      <h2 id="zone-title">Zone of agreement</h2>
      {zone.exists ? (
        <p>
          A zone of agreement exists: <strong>{percent(zone.frontierShare)}</strong> of the frontier gives
          every party at least its reservation value.
        </p>
      ) : (
        <p>
          <strong>No zone of agreement:</strong> no package gives every party its reservation value.
        </p>
      )}
      <ul className="compact">
        {parties.map((party, index) => (
          <li key={party.name}>
            {party.name}: reservation {party.reservation.toFixed(2)}
            {zone.bestFor[index] != null && `, best inside the zone ${zone.bestFor[index].toFixed(3)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Contention({ analysis }: { analysis: Analysis }) {
  const data = analysis.contention.map((row) => ({
    issue: row.issue,
    contention: Number(row.contention.toFixed(3)),
  }));
  return (
    <section className="card" aria-labelledby="contention-title">
      <h2 id="contention-title">Contention per issue</h2>
      <p className="muted small">
        High when the issue matters to the parties and they want opposite options.
      </p>
      <figure className="chart" aria-label="Contention per issue">
        <ResponsiveContainer width="100%" height={Math.max(140, 36 * data.length + 40)}>
          {/* Like the frontier chart: recharts' focusable drawing is named by its <title>. */}
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
            title="Contention per issue"
            desc={data.map((row) => `${row.issue}: ${row.contention}`).join('; ')}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 'auto']} />
            <YAxis type="category" dataKey="issue" width={110} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="contention" name="Contention" fill="#b45309" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}

function Packages({ analysis }: { analysis: Analysis }) {
  const shown = SOLUTIONS.flatMap(({ key, label }) => {
    const point = analysis.solutions[key];
    return point === null ? [] : [{ key, label, point }];
  });
  return (
    <section className="card" aria-labelledby="packages-title">
      <h2 id="packages-title">Solution packages</h2>
      <ScrollRegion label="Solution packages, scrollable">
        <table className="packages">
          <thead>
            <tr>
              <th scope="col">Issue</th>
              {shown.map(({ key, label }) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {analysis.issues.map((issue) => (
              <tr key={issue}>
                <th scope="row">{issue}</th>
                {shown.map(({ key, point }) => (
                  <td key={key}>{point.outcome[issue] ?? '—'}</td>
                ))}
              </tr>
            ))}
            {analysis.parties.map((party, index) => (
              <tr key={party.name} className="utility-row">
                <th scope="row">Utility for {party.name}</th>
                {shown.map(({ key, point }) => (
                  <td key={key}>{point.utilities[index]?.toFixed(3)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function Trades({ analysis }: { analysis: Analysis }) {
  const from = analysis.package === null ? 'the Nash package' : 'the package on the table';
  return (
    <section className="card" aria-labelledby="trades-title">
      <h2 id="trades-title">Trade suggestions</h2>
      {analysis.trades.length === 0 ? (
        <p className="muted">No trade between two issues improves on {from}.</p>
      ) : (
        <>
          <p className="muted small">Pairs of issues worth trading, starting from {from}, best first.</p>
          <ol className="trades">
            {analysis.trades.map((trade) => (
              <li key={trade.issues.join('|') + JSON.stringify(trade.outcome)}>
                <strong>{trade.issues.join(' ↔ ')}</strong>:{' '}
                {trade.issues.map((issue) => `${issue} → ${trade.outcome[issue] ?? '?'}`).join('; ')}
                <span className="muted">
                  {' '}
                  (
                  {trade.gains
                    .map((gain, index) => `${analysis.parties[index]?.name ?? index} ${signed(gain)}`)
                    .join(', ')}
                  )
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Improvements({ analysis }: { analysis: Analysis }) {
  const onTable = analysis.package;
  if (onTable === null) return null;
  const partyName = (index: number) => analysis.parties[index]?.name ?? `Party ${index + 1}`;
  return (
    <section className="card" aria-labelledby="improvements-title">
      <h2 id="improvements-title">Improvements on the package on the table</h2>
      <p className="muted small">
        The package on the table gives{' '}
        {onTable.utilities.map((utility, index) => `${partyName(index)} ${utility.toFixed(3)}`).join(', ')}.
      </p>
      {analysis.improvements.length === 0 ? (
        <p>
          <strong>It is Pareto-efficient:</strong> no package makes one side better off without making another
          worse off.
        </p>
      ) : (
        <>
          <p className="muted small">
            Packages that make no side worse off and at least one better off, best first (the changes from the
            package on the table).
          </p>
          <ol className="improvements" aria-label="Pareto improvements">
            {analysis.improvements.map((improvement) => {
              const changes = analysis.issues.filter(
                (issue) => improvement.outcome[issue] !== onTable.outcome[issue],
              );
              return (
                <li key={JSON.stringify(improvement.outcome)}>
                  {changes.map((issue) => `${issue} → ${improvement.outcome[issue] ?? '?'}`).join('; ')}
                  <span className="muted">
                    {' '}
                    (
                    {improvement.gains.map((gain, index) => `${partyName(index)} ${signed(gain)}`).join(', ')}
                    )
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
