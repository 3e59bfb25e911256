import type { AgentFactory } from './agent';
import { frequencyAgent } from './frequency-agent';
import { hardlinerAgent, randomAgent, titForTatAgent } from './reactive-agents';
import { timeBasedAgent } from './time-based-agent';

/** The built-in agents by the names the CLI and the API accept. */
export const BUILT_IN_AGENTS: Readonly<Record<string, AgentFactory>> = {
  boulware: timeBasedAgent(0.2),
  linear: timeBasedAgent(1),
  conceder: timeBasedAgent(2),
  'tit-for-tat': titForTatAgent,
  hardliner: hardlinerAgent,
  random: randomAgent,
  frequency: frequencyAgent,
};

export const AGENT_NAMES: readonly string[] = Object.keys(BUILT_IN_AGENTS);

/** The factory for a built-in agent name, or undefined when there is none. */
export function findAgent(name: string): AgentFactory | undefined {
  return Object.hasOwn(BUILT_IN_AGENTS, name) ? BUILT_IN_AGENTS[name] : undefined;
}
