import type { BlindBiddingsTable, BlindBidsTable } from './blind-bids-schema';
/**
 * Every table, as Kysely sees it: the row types of all storage modules in one place, so that
 * `database.ts` and the storage modules depend on this file and it depends on none of them
 * (a row type beside its SQL made every storage module part of one import circle).
 * Row types never leave `storage/`.
 */
import type { Generated } from 'kysely';
import type {
  Amendment,
  Escalation,
  ExportFormat,
  ExportKind,
  FingerprintPoint,
  Round,
  Simulation,
  Statement,
} from '@parley/core';

export type ApiTokensTable = {
  id: string;
  user_id: string;
  label: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  /** The hash of the browser session that created it; null for the CLI. */
  session_id_hash: string | null;
};

export type AuditLogTable = {
  seq: string;
  at: Date;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  negotiation_id: string | null;
  detail: unknown;
  ip: string | null;
  prev_hash: string;
  hash: string;
  /** Migration 0270; NULL on entries written before it. */
  salt: string | null;
};

/** The sign-in and registration throttle (migration 0110); `key` is a SHA-256, never an email. */
export type SignInThrottleTable = { scope: string; key: string; window_start: Date; attempts: number };

export type AuditHeadTable = { id: Generated<number>; seq: string; hash: string };

/** The audit root's right edge (migration 0240): `peaks` are `{ leaves, hash }` (hex), largest first. */
export type AuditFrontierTable = {
  id: Generated<number>;
  last_seq: string;
  last_entry_hash: string;
  peaks: unknown;
};

export type DeadlinesTable = {
  id: string;
  negotiation_id: string;
  title: string;
  due_at: Date;
  consequence: string;
  created_at: Date;
};

export type ExportsTable = {
  id: string;
  negotiation_id: string;
  kind: ExportKind;
  version_id: string | null;
  compare_to_version_id: string | null;
  point_id: string | null;
  round_id: string | null;
  record_id: string | null;
  recipient_user_id: string;
  exported_by: string;
  format: ExportFormat;
  fingerprint_key: string | null;
  fingerprint_points: FingerprintPoint[] | null;
  content: Uint8Array | null;
  content_hash: string;
  created_at: Date;
  /** The fingerprint's mark scheme the copy was made with (migration 0280; 1 for every earlier copy). */
  mark_scheme: number;
  /** The order copies were issued in (migration 0260). */
  issued: Generated<string>;
};

export type InvitationsTable = {
  id: string;
  negotiation_id: string;
  party_id: string;
  email: string;
  function: string;
  title: string;
  token_hash: string;
  invited_by: string;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
};

export type MembersTable = {
  id: string;
  negotiation_id: string;
  party_id: string;
  user_id: string;
  function: string;
  title: string;
  valid_from: Date;
  valid_to: Date | null;
  /** Who last set `valid_to`, and when (migration 0310); null for seats ended before it. */
  ended_by: Generated<string | null>;
  ended_at: Generated<Date | null>;
};

export type NegotiationsTable = {
  id: string;
  title: string;
  mandate: string;
  closure_rule: string;
  time_zone: Generated<string>;
  created_by: string;
  created_at: Date;
  revision: Generated<number>;
};

export type PartiesTable = {
  id: string;
  negotiation_id: string;
  name: string;
  role: string;
  required: boolean;
  created_at: Date;
  revision: Generated<number>;
};

export type PlanPositionsTable = {
  id: string;
  negotiation_id: string;
  party_id: string;
  version_id: string;
  point_id: string;
  value: string;
  note: string;
  visibility: string;
  needs_review: boolean;
  revision: number;
  recorded_at: Date;
};

export type LiveIssuesTable = {
  negotiation_id: string;
  version_id: string;
  point_id: string;
  definition: unknown;
  saved_by: string | null;
  saved_at: Date;
};

export type PreferenceProfilesTable = {
  negotiation_id: string;
  party_id: string;
  revision: number;
  /** The profile in clear: only rows saved before sealing, until the next start seals them. */
  body: unknown | null;
  /** The whole profile, sealed (sealing/profile-seal.ts); the other columns are what SQL needs. */
  sealed: string | null;
  shared_with_mediator: boolean;
  saved_by: string | null;
  saved_at: Date;
};

/** A package the mediator proposed to all as one every party prefers (issue #12, item 4). */
export type ImprovementProposalsTable = {
  id: string;
  negotiation_id: string;
  version_id: string;
  choices: unknown;
  proposed_by: string | null;
  proposed_at: Date;
};

export type PlanEscalationsTable = {
  id: string;
  negotiation_id: string;
  point_id: string;
  principals: string[];
  question: string;
  due_date: string | null;
  decision: Escalation['decision'];
  created_at: Date;
};

export type PlanRoundsTable = { id: string; negotiation_id: string; body: Round; starts_on: string };
export type PlanStatementsTable = {
  id: string;
  negotiation_id: string;
  body: Statement;
  date: string;
  /** Set by the database (migration 0220): the order rows were added in. */
  arrival: Generated<string>;
};
export type PlanAmendmentsTable = {
  id: string;
  negotiation_id: string;
  party_id: string;
  body: Amendment;
  revision: number;
  created_at: Date;
};

export type PlanHeadsTable = { negotiation_id: string; revision: number };
export type PlanVersionsTable = {
  id: string;
  negotiation_id: string;
  parent_id: string | null;
  revision: number;
  label: string;
  round_id: string | null;
  created_by: string | null;
  created_at: Date;
};

export type PlanPointsTable = {
  version_id: string;
  point_id: string;
  number: number;
  title: string;
  text: string;
  topic: string | null;
};

export type PlanEdgesTable = {
  version_id: string;
  ordinal: number;
  from_version_id: string;
  kind: string;
  from_points: string[];
  to_points: string[];
  proposed_by: string | null;
  round_id: string | null;
  amendment_id: string | null;
};

export type RecordsTable = {
  id: string;
  negotiation_id: string;
  owning_party_id: string;
  author_id: string;
  kind: string;
  classification: string;
  title: string;
  body: string;
  created_at: Date;
};

export type SessionsTable = {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  expires_at: Date;
};

export type SimulationsTable = {
  id: string;
  owner_id: string;
  input: unknown;
  status: Simulation['status'];
  progress_done: number;
  result: unknown;
  error: string | null;
  attempts: number;
  created_at: Date;
  updated_at: Date;
  /** `live`: a simulation of a negotiation's talks (storage/live-simulations.ts). */
  kind: Generated<'scenario' | 'live'>;
  negotiation_id: string | null;
  version_id: string | null;
};

/** `negotiation_id` is '' for an instance-wide scope, '*' for a whole table (after TRUNCATE). */
export type ReadGenerationsTable = { negotiation_id: string; table_name: string; generation: string };

export type PlanEventsTable = {
  id: Generated<string>;
  negotiation_id: string;
  origin: string;
  event: unknown;
  at: Generated<Date>;
};

export type UsersTable = {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: Date;
  is_admin: Generated<boolean>;
};

export type InstanceSettingsTable = { key: string; value: string; updated_at: Date };

export type LeadHandoversTable = {
  id: string;
  negotiation_id: string;
  party_id: string;
  user_id: string;
  title: string;
  valid_from: Date;
  state: string;
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  revision: number;
};

export type Db = {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_frontier: AuditFrontierTable;
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
  plan_events: PlanEventsTable;
  instance_settings: InstanceSettingsTable;
  lead_handovers: LeadHandoversTable;
  sign_in_throttle: SignInThrottleTable;
  live_issues: LiveIssuesTable;
  preference_profiles: PreferenceProfilesTable;
  blind_biddings: BlindBiddingsTable;
  blind_bids: BlindBidsTable;
  improvement_proposals: ImprovementProposalsTable;
  read_generations: ReadGenerationsTable;
};
