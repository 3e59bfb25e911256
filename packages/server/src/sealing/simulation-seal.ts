import type { SealKey } from './seal-key';
import { openJson, sealJson } from './sealed-json';

/** The job a sealed part belongs to: copied to another job's row, it fails to open. */
export type SimulationSealContext = { readonly negotiationId: string; readonly simulationId: string };

/**
 * A live simulation job holds every party's profile (`parties`: weight × rating, reservation,
 * discount) and every party's utilities (`result`): profile material, sealed like the profiles.
 */
export type SimulationPart = 'parties' | 'result';

const boundTo = (context: SimulationSealContext, part: SimulationPart) =>
  `parley live simulation ${part} v1\n${context.negotiationId}\n${context.simulationId}`;

export function sealSimulationPart(
  key: SealKey,
  target: SimulationSealContext & { part: SimulationPart },
  value: unknown,
): string {
  return sealJson(key, boundTo(target, target.part), value);
}

/** Opens a sealed part; throws SealOpenError on a wrong key, an altered or a moved ciphertext. */
export function openSimulationPart(
  key: SealKey,
  target: SimulationSealContext & { part: SimulationPart },
  sealed: string,
): unknown {
  return openJson(key, boundTo(target, target.part), sealed);
}
