import type { NegotiationId } from '@parley/core';
import { auditCheckpointFooter } from '../../services/audit-proofs';
import type { AppDeps } from '../../services/deps';

/** What a footer may depend on: the negotiation a copy comes from and when it was made. */
export type FooterContext = {
  readonly deps: AppDeps;
  readonly negotiationId: NegotiationId;
  readonly createdAt: Date;
};

/**
 * Lines every copy carries in its footer, in every format (PDF: each page; DOCX: the page footer;
 * Markdown: after a rule). The one hook for what all exports must carry, such as a signed audit
 * checkpoint (issue 13): add the lines here and every renderer lays them out.
 */
export async function footerLines(context: FooterContext): Promise<readonly string[]> {
  return auditCheckpointFooter(context.deps);
}
