import { analysisRoutes } from './analysis';
import { auditRoutes } from './audit';
import { auditProofRoutes } from './audit-proofs';
import { authRoutes } from './auth';
import { blindBidRoutes } from './blind-bids';
import { deadlineRoutes } from './deadlines';
import { healthRoutes } from './health';
import { instanceRoutes } from './instance';
import { invitationRoutes } from './invitations';
import { leadHandoverRoutes } from './lead-handovers';
import { liveAnalysisRoutes } from './live-analysis';
import { liveGeniusRoutes } from './live-genius';
import { improvementRoutes } from './improvements';
import { liveSimulationRoutes } from './live-simulations';
import { memberRoutes } from './members';
import { negotiationRoutes } from './negotiations';
import { partyRoutes } from './parties';
import { planDocumentRoutes } from './plan-documents';
import { planEventRoutes } from './plan-events';
import { planLineageRoutes } from './plan-lineage';
import { planPositionRoutes } from './plan-positions';
import { planRecordRoutes } from './plan-records';
import { planTimelineRoutes } from './plan-timeline';
import { planVersionRoutes } from './plan-versions';
import { recordRoutes } from './records';
import { searchRoutes } from './search';
import { simulationRoutes } from './simulations';
import { tokenRoutes } from './tokens';
import { exportRoutes } from './exports';
import type { RouteModule } from './route-module';

/** Every resource's routes, mounted in this order. Add a new resource's module here. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  healthRoutes,
  instanceRoutes,
  authRoutes,
  tokenRoutes,
  negotiationRoutes,
  partyRoutes,
  memberRoutes,
  leadHandoverRoutes,
  recordRoutes,
  searchRoutes,
  auditRoutes,
  auditProofRoutes,
  deadlineRoutes,
  invitationRoutes,
  planVersionRoutes,
  planDocumentRoutes,
  planLineageRoutes,
  planPositionRoutes,
  planRecordRoutes,
  planTimelineRoutes,
  planEventRoutes,
  simulationRoutes,
  analysisRoutes,
  liveAnalysisRoutes,
  blindBidRoutes,
  liveGeniusRoutes,
  improvementRoutes,
  liveSimulationRoutes,
  exportRoutes,
];
