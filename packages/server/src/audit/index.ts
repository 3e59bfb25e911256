export { recordAudit, type AuditInput } from './record-audit';
export { verifyAuditChain, type AuditChainReport } from './verify-audit-chain';
