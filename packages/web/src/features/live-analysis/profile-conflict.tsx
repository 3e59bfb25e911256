import type { LiveIssue, PreferenceProfile } from '@parley/core';
import { ConflictChoice } from '../../components/conflict-choice';
import { formatIn } from '../deadlines/zoned-time';
import { useNegotiation } from '../negotiation/negotiation-context';
import { profileDifferences } from './profile-differences';
import { profileFields, type ProfileFields } from './profile-fields';

/**
 * The delegation's profile as another of its members saved it while this form was being edited
 * (issue #11, no lost updates): its revision and time, and each value the form would overwrite,
 * with the choice to save the form's over it or take theirs into the form.
 */
export function ProfileConflict({
  theirs,
  yours,
  issues,
  busy,
  onSaveMine,
  onKeepTheirs,
}: {
  theirs: PreferenceProfile;
  yours: ProfileFields;
  issues: readonly LiveIssue[];
  busy: boolean;
  onSaveMine: () => void;
  onKeepTheirs: () => void;
}) {
  const { negotiation } = useNegotiation();
  const differences = profileDifferences(profileFields(theirs, issues), yours, issues);
  // The API names no author of a revision: "someone in your delegation" is all the form can say.
  const saved = `Someone in your delegation saved revision ${theirs.revision} on ${formatIn(theirs.savedAt, negotiation.timeZone)}`;
  return (
    <ConflictChoice
      busy={busy}
      onSaveMine={onSaveMine}
      onKeepTheirs={onKeepTheirs}
      details={
        differences.length > 0 && (
          <ul aria-label="Saved meanwhile, and yours">
            {differences.map((difference) => (
              <li key={difference.field}>
                {difference.field}: <strong>{difference.theirs}</strong> (yours: {difference.yours})
              </li>
            ))}
          </ul>
        )
      }
    >
      {saved}
      {differences.length === 0 ? ', with the same values as yours.' : '. Where it differs from yours:'}
    </ConflictChoice>
  );
}
