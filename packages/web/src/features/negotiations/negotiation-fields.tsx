import type { ClosureRule } from '@parley/core';
import { useId } from 'react';

export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const ZONES: readonly string[] = (() => {
  const supported = Intl.supportedValuesOf?.('timeZone') ?? [];
  return supported.includes('UTC') ? supported : ['UTC', ...supported];
})();

export const CLOSURE_RULES: Record<ClosureRule, string> = {
  'all-or-nothing': 'Nothing is agreed until everything is agreed',
  'point-by-point': 'Point by point',
};

/** The closure rule and time zone, as a new negotiation and the settings form both ask them. */
export function ClosureAndZoneFields({
  closureRule,
  timeZone,
  onClosureRule,
  onTimeZone,
}: {
  closureRule: ClosureRule;
  timeZone: string;
  onClosureRule: (rule: ClosureRule) => void;
  onTimeZone: (zone: string) => void;
}) {
  // A zone saved on another machine may be missing from this browser's list: keep it offered.
  const zones = ZONES.includes(timeZone) ? ZONES : [timeZone, ...ZONES];
  const group = useId();
  return (
    <>
      <fieldset>
        <legend>Closure rule</legend>
        {(Object.keys(CLOSURE_RULES) as ClosureRule[]).map((rule) => (
          <label key={rule} className="inline">
            <input
              type="radio"
              name={group}
              checked={closureRule === rule}
              onChange={() => onClosureRule(rule)}
            />
            {CLOSURE_RULES[rule]}
          </label>
        ))}
      </fieldset>
      <label>
        Time zone (deadlines and rounds are shown in it)
        <select value={timeZone} onChange={(e) => onTimeZone(e.target.value)}>
          {zones.map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </select>
      </label>
    </>
  );
}
