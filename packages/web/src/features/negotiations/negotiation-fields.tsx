import type { ClosureRule } from '@parley/core';
import { useId } from 'react';
import { defaultZone, zoneChoices } from './time-zones';

const ZONES: readonly string[] = zoneChoices(Intl.supportedValuesOf?.('timeZone') ?? []);
/** What a new negotiation's zone starts as: the viewer's own. */
export const INITIAL_ZONE = defaultZone(Intl.DateTimeFormat().resolvedOptions().timeZone, ZONES);

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
