import { ImprovementProposalSchema, type ImprovementProposal, type PlanVersionId } from '@parley/core';
import type { Database } from './database';

export async function insertImprovementProposal(
  db: Database,
  input: { negotiationId: string; proposal: ImprovementProposal; proposedBy: string | null },
): Promise<void> {
  await db
    .insertInto('improvement_proposals')
    .values({
      id: input.proposal.id,
      negotiation_id: input.negotiationId,
      version_id: input.proposal.versionId,
      choices: JSON.stringify(input.proposal.choices),
      proposed_by: input.proposedBy,
      proposed_at: new Date(input.proposal.proposedAt),
    })
    .execute();
}

/** A version's proposals, oldest first (the order they were made to the parties). */
export async function listImprovementProposals(
  db: Database,
  input: { negotiationId: string; versionId: PlanVersionId },
): Promise<ImprovementProposal[]> {
  const rows = await db
    .selectFrom('improvement_proposals')
    .select(['id', 'version_id', 'choices', 'proposed_at'])
    .where('negotiation_id', '=', input.negotiationId)
    .where('version_id', '=', input.versionId)
    .orderBy('proposed_at')
    .orderBy('id')
    .execute();
  return rows.map((row) =>
    ImprovementProposalSchema.parse({
      id: row.id,
      versionId: row.version_id,
      choices: row.choices,
      proposedAt: row.proposed_at.toISOString(),
    }),
  );
}
