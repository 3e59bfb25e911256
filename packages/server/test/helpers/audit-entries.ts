import type { AuditInput } from '../../src/audit';

/** The audit input of the index-th read of a record in one negotiation, for tests of the chain. */
export const auditedRead = (negotiationId: string, index: number) =>
  ({
    actorId: null,
    action: 'record.read',
    subjectType: 'record',
    subjectId: `record-${index}`,
    negotiationId,
    detail: { index },
    ip: null,
  }) satisfies AuditInput;
