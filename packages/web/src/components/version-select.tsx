import type { PlanOverview, PlanVersionId } from '@parley/core';

/** A labelled select of the plan's versions, newest first. */
export function VersionSelect({
  label,
  plan,
  value,
  onChange,
}: {
  label: string;
  plan: PlanOverview;
  value: string;
  onChange: (id: PlanVersionId) => void;
}) {
  const versions = [...plan.versions].sort((a, b) => b.revision - a.revision);
  return (
    <label>
      {label}
      <select
        value={value}
        onChange={(e) => {
          // The option's own version: its id is already the branded one from the plan.
          const chosen = versions.find((v) => v.id === e.target.value);
          if (chosen !== undefined) onChange(chosen.id);
        }}
      >
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {versionOptionLabel(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Geneva text — 19 points", not "Geneva text — 19 points (19 points)": the count once. */
export function versionOptionLabel(version: { label: string; points: number }): string {
  const mentions = new RegExp(`\\b${version.points}[- ]points?\\b`, 'i');
  return mentions.test(version.label) ? version.label : `${version.label} (${version.points} points)`;
}
