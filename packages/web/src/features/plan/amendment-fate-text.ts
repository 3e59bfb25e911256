import { assertNever, type Amendment, type Party, type PlanOverview } from '@parley/core';
import { partyName } from '../negotiation/negotiation-context';

/**
 * What became of an amendment, and by whose hand as far as the API tells: a version adopts it, the
 * mediator rejects it, its party withdraws it. Said after a 409, when someone decided it first.
 */
export function fateText(
  amendment: Amendment,
  context: { parties: readonly Party[]; versions: Readonly<PlanOverview['versions']> },
): string {
  const { fate } = amendment;
  switch (fate.state) {
    case 'open':
      return 'still open';
    case 'adopted': {
      const label = context.versions.find((version) => version.id === fate.versionId)?.label;
      return label === undefined ? 'adopted into a new version' : `adopted into “${label}”`;
    }
    case 'rejected':
      return `rejected by the mediator${fate.reason === '' ? '' : ` (“${fate.reason}”)`}`;
    case 'withdrawn':
      return `withdrawn by ${partyName(context.parties, amendment.partyId)}`;
    default:
      return assertNever(fate);
  }
}
