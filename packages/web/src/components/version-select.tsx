import type { PlanOverview } from '@parley/core';

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
  onChange: (id: string) => void;
}) {
  const versions = [...plan.versions].sort((a, b) => b.revision - a.revision);
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label} ({v.points} points)
          </option>
        ))}
      </select>
    </label>
  );
}
