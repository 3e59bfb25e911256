import type { Migration } from 'kysely';
import { auditLogMigration } from './0001-audit-log';
import { accountsMigration } from './0002-accounts';
import { negotiationsMigration } from './0003-negotiations';
import { planMigration } from './0020-plan';
import { simulationsMigration } from './0030-simulations';
import { exportsMigration } from './0040-exports';
import { exportKindsMigration } from './0041-export-kinds';
import { instanceSettingsMigration } from './0050-instance-settings';
import { leadHandoversMigration } from './0051-lead-handovers';
import { negotiationTimeZoneMigration } from './0052-negotiation-time-zone';
import { simulationLimitsMigration } from './0060-simulation-limits';
import { auditHeadGuardMigration } from './0070-audit-head-guard';
import { exportAknMigration } from './0080-export-akn';
import { scaleMigration } from './0090-scale';
import { signInThrottleMigration } from './0110-sign-in-throttle';
import { liveIssuesMigration } from './0120-live-issues';
import { apiTokenLifetimesMigration } from './0140-api-token-lifetimes';
import { exportRecordsMigration } from './0150-export-records';
import { blindBidsMigration } from './0160-blind-bids';
import { liveSimulationsMigration } from './0170-live-simulations';
import { improvementProposalsMigration } from './0180-improvement-proposals';
import { settingsRevisionsMigration } from './0190-settings-revisions';
import { auditHeadBatchesMigration } from './0200-audit-head-batches';
import { readGenerationsMigration } from './0210-read-generations';
import { statementOrderMigration } from './0220-statement-order';
import { auditAppendMigration } from './0230-audit-append';
import { auditFrontierMigration } from './0240-audit-frontier';
import { invitationRevocationMigration } from './0250-invitation-revocation';
import { exportOrderMigration } from './0260-export-order';
import { auditSaltMigration } from './0270-audit-salt';
import { exportMarkSchemeMigration } from './0280-export-mark-scheme';
import { sealedProfilesMigration } from './0290-sealed-profiles';
import { bidRevisionsMigration } from './0300-bid-revisions';
import { seatEndsMigration } from './0310-seat-ends';

/** Every migration, applied in key order at start (kysely sorts by name). */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-audit-log': auditLogMigration,
  '0002-accounts': accountsMigration,
  '0003-negotiations': negotiationsMigration,
  '0020-plan': planMigration,
  '0030-simulations': simulationsMigration,
  '0040-exports': exportsMigration,
  '0041-export-kinds': exportKindsMigration,
  '0050-instance-settings': instanceSettingsMigration,
  '0051-lead-handovers': leadHandoversMigration,
  '0052-negotiation-time-zone': negotiationTimeZoneMigration,
  '0060-simulation-limits': simulationLimitsMigration,
  '0070-audit-head-guard': auditHeadGuardMigration,
  '0080-export-akn': exportAknMigration,
  '0090-scale': scaleMigration,
  '0110-sign-in-throttle': signInThrottleMigration,
  '0120-live-issues': liveIssuesMigration,
  '0140-api-token-lifetimes': apiTokenLifetimesMigration,
  '0150-export-records': exportRecordsMigration,
  '0160-blind-bids': blindBidsMigration,
  '0170-live-simulations': liveSimulationsMigration,
  '0180-improvement-proposals': improvementProposalsMigration,
  '0190-settings-revisions': settingsRevisionsMigration,
  '0200-audit-head-batches': auditHeadBatchesMigration,
  '0210-read-generations': readGenerationsMigration,
  '0220-statement-order': statementOrderMigration,
  '0230-audit-append': auditAppendMigration,
  '0240-audit-frontier': auditFrontierMigration,
  '0250-invitation-revocation': invitationRevocationMigration,
  '0260-export-order': exportOrderMigration,
  '0270-audit-salt': auditSaltMigration,
  '0280-export-mark-scheme': exportMarkSchemeMigration,
  '0290-sealed-profiles': sealedProfilesMigration,
  '0300-bid-revisions': bidRevisionsMigration,
  '0310-seat-ends': seatEndsMigration,
};
