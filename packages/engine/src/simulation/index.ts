export type { Agent, AgentFactory, AgentSetup, Offer, TurnContext } from './agent';
export { AGENT_NAMES, BUILT_IN_AGENTS, findAgent } from './agents';
export { createBidder, findBidNear, findBidsNear, type Bidder } from './bidding';
export { createOpponentModel, type OpponentModel } from './frequency-agent';
export {
  perturbParty,
  sampleParty,
  simulateLiveTalks,
  type LiveTalksParty,
  type LiveTalksSetup,
  type LiveTalksSummary,
  type UtilitySpread,
} from './live-talks';
export { runMediated } from './mediated';
export { runMonteCarlo, perturbSpace, type MonteCarloSummary } from './monte-carlo';
export type { Deadline, NegotiationResult, NegotiationSetup, TraceEvent } from './protocol';
export { createRng, deriveSeed, type Rng } from './rng';
export { discountAt } from './discount';
export { runSao } from './sao';
export {
  createBatchAccumulator,
  distanceToNearest,
  runNegotiation,
  runSeed,
  simulateBatch,
  type BatchSetup,
  type BatchSummary,
  type Benchmarks,
  type ProtocolName,
} from './simulate';
export { concessionTarget, timeBasedAgent } from './time-based-agent';
export {
  countLineUps,
  lineUps,
  runTournament,
  type TournamentResult,
  type TournamentScenario,
  type TournamentStanding,
} from './tournament';
export { createUtilityView, normalizedUtility, utilityIn, type UtilityView } from './utility-view';
