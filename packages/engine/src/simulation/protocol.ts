import type { AdditiveSpace, Outcome } from '../model/additive-space';
import type { AgentFactory } from './agent';

/**
 * When talks end without agreement. `steps` counts offers (SAO) or mediator proposals; `time`
 * adds a simulated clock where each action takes `secondsPerStep`, and agents see the later of
 * the two fractions — so a slow process can hit the clock before the step limit.
 */
export type Deadline = { readonly steps: number; readonly time?: number; readonly secondsPerStep?: number };

export type NegotiationSetup = {
  readonly space: AdditiveSpace;
  /** One agent per party, in party order. */
  readonly agents: readonly AgentFactory[];
  readonly deadline: Deadline;
  readonly seed: number;
  /** Keep every event (for replays and the determinism test); off in bulk runs. */
  readonly recordTrace?: boolean;
};

export type TraceEvent =
  | {
      readonly kind: 'offer';
      readonly step: number;
      readonly from: number;
      readonly outcome: Outcome;
      readonly accepted: readonly boolean[];
    }
  | {
      readonly kind: 'proposal';
      readonly step: number;
      readonly outcome: Outcome;
      readonly votes: readonly boolean[];
      readonly adopted: boolean;
    };

export type NegotiationResult = {
  readonly agreement: Outcome | null;
  /**
   * What every party got: its utility of the agreement, or its reservation value when there is
   * none, discounted to when the talks ended (`rawUtilities × discounts`).
   */
  readonly utilities: readonly number[];
  /** The same before discounting (equal to `utilities` for parties without a discount). */
  readonly rawUtilities: readonly number[];
  /** Each party's discount factor when the talks ended (1 without a discount). */
  readonly discounts: readonly number[];
  /** Offers (SAO) or proposals (mediated) made. */
  readonly steps: number;
  readonly trace: readonly TraceEvent[];
};

/** Fraction of the deadline used after `step` actions, 0..1. */
export function timeAt(deadline: Deadline, step: number): number {
  const byStep = step / deadline.steps;
  if (deadline.time === undefined) return byStep;
  return Math.min(1, Math.max(byStep, (step * (deadline.secondsPerStep ?? 1)) / deadline.time));
}

/** The step at which the deadline has passed. */
export function lastStep(deadline: Deadline): number {
  if (deadline.time === undefined) return deadline.steps;
  return Math.min(deadline.steps, Math.floor(deadline.time / (deadline.secondsPerStep ?? 1)));
}
