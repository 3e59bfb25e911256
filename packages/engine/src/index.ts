export type { AdditiveSpace, Discount, SpaceIssue, SpaceParty, Outcome } from './model/additive-space';
export { utilityOf, utilitiesOf, outcomeCount, labelOutcome } from './model/additive-space';
export type {
  Agent,
  AgentFactory,
  AgentSetup,
  Bidder,
  BatchSetup,
  BatchSummary,
  Benchmarks,
  Deadline,
  MonteCarloSummary,
  NegotiationResult,
  NegotiationSetup,
  Offer,
  OpponentModel,
  ProtocolName,
  Rng,
  TournamentResult,
  TournamentScenario,
  LiveTalksParty,
  LiveTalksSetup,
  LiveTalksSummary,
  UtilitySpread,
  TournamentStanding,
  TraceEvent,
  TurnContext,
  UtilityView,
} from './simulation/index';
export {
  AGENT_NAMES,
  BUILT_IN_AGENTS,
  concessionTarget,
  createBatchAccumulator,
  runSeed,
  createOpponentModel,
  createRng,
  createUtilityView,
  deriveSeed,
  distanceToNearest,
  discountAt,
  findAgent,
  createBidder,
  findBidNear,
  findBidsNear,
  countLineUps,
  lineUps,
  normalizedUtility,
  perturbParty,
  perturbSpace,
  sampleParty,
  simulateLiveTalks,
  runMediated,
  runMonteCarlo,
  runNegotiation,
  runSao,
  runTournament,
  simulateBatch,
  timeBasedAgent,
  utilityIn,
} from './simulation/index';
export type {
  Scenario,
  ScenarioIssue,
  ScenarioParty,
  Valuation,
  Problem,
  LoadResult,
  SourceFile,
} from './io/scenario';
export { optionLabels } from './io/scenario';
export type { XmlElement, XmlResult } from './io/xml';
export { parseXml } from './io/xml';
export { loadGeniusScenario } from './io/genius';
export { GENIUS_DOMAIN_FILE, writeGeniusScenario } from './io/genius-writer';
export { PARLEY_SCENARIO_FORMAT, loadParleyScenario, writeParleyScenario } from './io/parley-json';
export type { Semantics } from './io/compile';
export { compileScenario, toleranceOf } from './io/compile';
export type { Frontier, FrontierOptions, FrontierPoint } from './frontier/frontier';
export { paretoFrontier } from './frontier/frontier';
export type { Solution, Solutions } from './bargaining/solutions';
export { bargainingSolutions } from './bargaining/solutions';
export type { Analysis } from './analysis/analyze';
export { analyzeSpace } from './analysis/analyze';
export type { ZoneOfAgreement } from './insights/zone-of-agreement';
export { zoneOfAgreement } from './insights/zone-of-agreement';
export type { IssueContention } from './insights/contention';
export { issueContention } from './insights/contention';
export type { TradeSuggestion } from './insights/trades';
export { tradeSuggestions } from './insights/trades';
export type { ParetoImprovement } from './insights/improvements';
export { paretoImprovements } from './insights/improvements';
