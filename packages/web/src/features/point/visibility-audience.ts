import { assertNever, type PositionVisibility } from '@parley/core';

/**
 * Who may read a party's position, in the words of the form that set it: "visible to: Private"
 * or "visible to: Mediator" read as if the mediator alone could see it.
 */
export function visibilityAudience(visibility: PositionVisibility, partyName: string): string {
  switch (visibility) {
    case 'private':
      return `only the delegation of ${partyName}`;
    case 'mediator':
      return `the delegation of ${partyName} and the mediator`;
    case 'parties':
      return 'the mediator and every party';
    default:
      return assertNever(visibility);
  }
}
