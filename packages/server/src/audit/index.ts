export { changedFields } from './changed-fields';
export { recordAudit, recordAudits, type AuditInput } from './record-audit';
export { recordReadAudit } from './record-read-audit';
export { readingOnBehalfOf, withClientAddress } from './read-context';
export { verifyAuditChain, type AuditChainReport } from './verify-audit-chain';
