/** Every table, as Kysely sees it. Row types live beside the SQL that uses them. */
import type { AuditHeadTable, AuditLogTable } from './audit-log';
import type { ApiTokensTable } from './api-tokens';
import type { DeadlinesTable } from './deadlines';
import type { InvitationsTable } from './invitations';
import type { MembersTable } from './members';
import type { NegotiationsTable } from './negotiations';
import type { PartiesTable } from './parties';
import type { PlanPositionsTable } from './plan-positions';
import type {
  PlanAmendmentsTable,
  PlanEscalationsTable,
  PlanRoundsTable,
  PlanStatementsTable,
} from './plan-records';
import type { PlanEdgesTable, PlanHeadsTable, PlanPointsTable, PlanVersionsTable } from './plan-versions';
import type { RecordsTable } from './records';
import type { SessionsTable } from './sessions';
import type { SimulationsTable } from './simulations';
import type { UsersTable } from './users';
import type { ExportsTable } from './exports';

export type Db = {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  negotiations: NegotiationsTable;
  parties: PartiesTable;
  members: MembersTable;
  records: RecordsTable;
  deadlines: DeadlinesTable;
  invitations: InvitationsTable;
  plan_heads: PlanHeadsTable;
  plan_versions: PlanVersionsTable;
  plan_points: PlanPointsTable;
  plan_edges: PlanEdgesTable;
  plan_positions: PlanPositionsTable;
  plan_escalations: PlanEscalationsTable;
  plan_rounds: PlanRoundsTable;
  plan_statements: PlanStatementsTable;
  plan_amendments: PlanAmendmentsTable;
  simulations: SimulationsTable;
  exports: ExportsTable;
};
