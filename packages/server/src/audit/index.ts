export { recordAudit, type AuditInput } from './record-audit';
export { recordReadAudit } from './record-read-audit';
export { verifyAuditChain, type AuditChainReport } from './verify-audit-chain';
