import type { Analysis } from '@parley/core';
import { useState } from 'react';
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export const SOLUTIONS = [
  { key: 'nash', label: 'Nash', color: '#c2410c', shape: 'star' },
  { key: 'kalaiSmorodinsky', label: 'Kalai–Smorodinsky', color: '#7c3aed', shape: 'diamond' },
  { key: 'utilitarian', label: 'Utilitarian', color: '#047857', shape: 'triangle' },
  { key: 'egalitarian', label: 'Egalitarian', color: '#be123c', shape: 'square' },
] as const;

type Point = { x: number; y: number };

/** Two parties' utilities on the frontier, with the solutions and reservation values marked. */
export function FrontierChart({ analysis }: { analysis: Analysis }) {
  const { parties, frontier, solutions, improvements } = analysis;
  const [pair, setPair] = useState<[number, number]>([0, Math.min(1, parties.length - 1)]);
  const [a, b] = pair;
  const project = (utilities: number[]): Point => ({ x: utilities[a] ?? 0, y: utilities[b] ?? 0 });
  const points = frontier.points.map((point) => project(point.utilities));
  const nameOf = (index: number) => parties[index]?.name ?? `Party ${index + 1}`;
  const chartName = `Pareto frontier: ${nameOf(a)}'s utility against ${nameOf(b)}'s`;
  return (
    <section className="card" aria-labelledby="frontier-title">
      <h2 id="frontier-title">Pareto frontier</h2>
      <p className="muted small">
        {frontier.size} efficient packages of {analysis.outcomes} possible
        {frontier.points.length < frontier.size ? ` (${frontier.points.length} drawn)` : ''}.
      </p>
      {!frontier.exact && (
        <p className="note warn-note" role="note">
          The frontier is approximate: every true frontier package is within{' '}
          {frontier.approximation?.map((gap, index) => `${gap.toFixed(3)} for ${nameOf(index)}`).join(', ') ??
            'a small margin'}{' '}
          of a point shown.
        </p>
      )}
      {parties.length > 2 && (
        <div className="toolbar">
          <PartySelect
            label="Horizontal axis"
            parties={parties}
            value={a}
            onChange={(value) => setPair([value, b])}
          />
          <PartySelect
            label="Vertical axis"
            parties={parties}
            value={b}
            onChange={(value) => setPair([a, value])}
          />
        </div>
      )}
      <figure className="chart" aria-label={chartName}>
        <ResponsiveContainer width="100%" height={360}>
          {/* recharts makes the drawing a focusable "application": its <title> is its accessible name. */}
          <ScatterChart
            margin={{ top: 10, right: 16, bottom: 24, left: 0 }}
            title={chartName}
            desc={`${frontier.points.length} frontier points; the solutions and the reservation values are marked.`}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={[0, 1]}
              name={nameOf(a)}
              label={{ value: nameOf(a), position: 'insideBottom', offset: -12 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[0, 1]}
              name={nameOf(b)}
              label={{ value: nameOf(b), angle: -90, position: 'insideLeft', offset: 16 }}
            />
            <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(3) : String(value))} />
            <Legend verticalAlign="top" />
            <ReferenceLine
              x={parties[a]?.reservation ?? 0}
              stroke="#64748b"
              strokeDasharray="4 4"
              label={{ value: `${nameOf(a)} reservation`, position: 'insideBottomRight', fontSize: 11 }}
            />
            <ReferenceLine
              y={parties[b]?.reservation ?? 0}
              stroke="#64748b"
              strokeDasharray="4 4"
              label={{ value: `${nameOf(b)} reservation`, position: 'insideBottomLeft', fontSize: 11 }}
            />
            <Scatter
              name="Frontier"
              className="frontier-points"
              data={points}
              fill="#1d4ed8"
              shape="circle"
              isAnimationActive={false}
            />
            {improvements.length > 0 && (
              <Scatter
                name="Improvements on the package"
                className="improvement-points"
                data={improvements.map((improvement) => project(improvement.utilities))}
                fill="#16a34a"
                shape="circle"
                isAnimationActive={false}
              />
            )}
            {analysis.package !== null && (
              <Scatter
                name="Package on the table"
                className="current-package"
                data={[project(analysis.package.utilities)]}
                fill="#111827"
                shape="cross"
                isAnimationActive={false}
              />
            )}
            {/* Drawn last-to-first so Nash stays on top where solutions coincide. */}
            {[...SOLUTIONS].reverse().map(({ key, label, color, shape }) => {
              const solution = solutions[key];
              return solution === null ? null : (
                <Scatter
                  key={key}
                  name={label}
                  className={`solution-${key}`}
                  data={[project(solution.utilities)]}
                  fill={color}
                  shape={shape}
                  isAnimationActive={false}
                />
              );
            })}
          </ScatterChart>
        </ResponsiveContainer>
      </figure>
      <p className="muted small">
        Solutions that coincide share one spot; the packages table below lists each.
      </p>
    </section>
  );
}

function PartySelect({
  label,
  parties,
  value,
  onChange,
}: {
  label: string;
  parties: Analysis['parties'];
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {parties.map((party, index) => (
          <option key={party.name} value={index}>
            {party.name}
          </option>
        ))}
      </select>
    </label>
  );
}
