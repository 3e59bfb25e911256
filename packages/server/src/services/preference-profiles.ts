import {
  can,
  checkProfile,
  DomainError,
  seatsIn,
  type MyProfile,
  type Negotiation,
  type PreferenceProfile,
  type SavedProfile,
  type SaveProfileInput,
  type Viewer,
} from '@parley/core';
import { recordReadAudit } from '../audit';
import { findLatestProfile, insertProfileRevision, listLatestProfiles } from '../storage/preference-profiles';
import { listParties } from '../storage/parties';
import { commitChange } from './commit-change';
import type { AppDeps } from './deps';
import { issuesAt, latestVersionId } from './live-issues';
import { assertAllowed } from './viewer';

export const profileResource = (negotiation: Negotiation, profile: PreferenceProfile) => ({
  kind: 'profile' as const,
  negotiationId: negotiation.id,
  partyId: profile.partyId,
  sharedWithMediator: profile.sharedWithMediator,
});

/** The negotiating party the viewer sits for here, if any. */
function ownParty(viewer: Viewer, negotiation: Negotiation) {
  return seatsIn(viewer, negotiation.id).find((seat) => seat.partyRole === 'party');
}

/** The seat of a viewer who may state their delegation's preferences here; anyone else is refused. */
export function requireProfileWriter(viewer: Viewer, negotiation: Negotiation) {
  const seat = ownParty(viewer, negotiation);
  const allowed =
    seat !== undefined &&
    can(viewer, 'profile.write', {
      kind: 'party',
      negotiationId: negotiation.id,
      partyId: seat.partyId,
      partyRole: 'party',
    });
  assertAllowed(allowed, "state a delegation's preferences");
  if (seat === undefined) throw new DomainError('forbidden', "You may not state a delegation's preferences.");
  return seat;
}

// Audit entries name the delegation and the revision, never a value (DESIGN §2).
export function auditProfileRead(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; profile: PreferenceProfile; detail?: Record<string, unknown> },
) {
  return recordReadAudit(deps.db, {
    at: deps.clock.now(),
    actorId: viewer.userId,
    action: 'profile.read',
    subjectType: 'preference_profile',
    subjectId: input.profile.partyId,
    negotiationId: input.negotiation.id,
    detail: { revision: input.profile.revision, ...input.detail },
  });
}

/** The viewer's own delegation's newest profile (every read is audited). */
export async function myProfile(deps: AppDeps, viewer: Viewer, negotiation: Negotiation): Promise<MyProfile> {
  const seat = ownParty(viewer, negotiation);
  if (seat === undefined) return { party: null, canEdit: false, profile: null };
  const parties = await listParties(deps.db, negotiation.id);
  const name = parties.find((party) => party.id === seat.partyId)?.name ?? '';
  const canEdit = can(viewer, 'profile.write', {
    kind: 'party',
    negotiationId: negotiation.id,
    partyId: seat.partyId,
    partyRole: 'party',
  });
  const found = await findLatestProfile(deps.db, {
    negotiationId: negotiation.id,
    partyId: seat.partyId,
    sealKey: deps.sealKey,
  });
  const profile =
    found !== null && can(viewer, 'profile.read', profileResource(negotiation, found)) ? found : null;
  if (profile !== null) await auditProfileRead(deps, viewer, { negotiation, profile });
  return { party: { id: seat.partyId, name }, canEdit, profile };
}

/**
 * Saves a new revision of the viewer's delegation's profile, checked against the issues of the
 * plan's newest version; a save from a stale revision answers 409 and stores nothing.
 */
export async function saveProfile(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; body: SaveProfileInput },
): Promise<SavedProfile> {
  const { negotiation, body } = input;
  const seat = requireProfileWriter(viewer, negotiation);
  const versionId = await latestVersionId(deps, viewer, negotiation);
  if (versionId === null) throw new DomainError('cannot-compute', 'The negotiation has no plan yet.');
  const checked = checkProfile(body, await issuesAt(deps, viewer, { negotiation, versionId }));
  // Each problem at its own field, as a schema error names them: a client links each to its field.
  if (!checked.ok)
    throw new DomainError('invalid-input', checked.problems.map((problem) => problem.message).join(' '), {
      fieldErrors: checked.problems,
    });
  const { baseRevision, ...rest } = body;
  const profile: PreferenceProfile = {
    ...rest,
    partyId: seat.partyId,
    revision: baseRevision + 1,
    weights: checked.value.weights,
    savedAt: deps.clock.now().toISOString(),
  };
  await commitChange(deps, {
    actor: viewer,
    write: async (tx) => {
      const current = await findLatestProfile(tx, {
        negotiationId: negotiation.id,
        partyId: seat.partyId,
        sealKey: deps.sealKey,
      });
      const stale = () =>
        new DomainError(
          'conflict',
          `Your delegation's profile is at revision ${current?.revision ?? 0}; you edited revision ${baseRevision}. Reload and save again.`,
          { field: 'baseRevision' },
        );
      if ((current?.revision ?? 0) !== baseRevision) throw stale();
      if (
        !(await insertProfileRevision(tx, {
          negotiationId: negotiation.id,
          profile,
          savedBy: viewer.userId,
          sealKey: deps.sealKey,
        }))
      )
        throw stale();
    },
    audit: {
      action: 'profile.update',
      subjectType: 'preference_profile',
      subjectId: seat.partyId,
      negotiationId: negotiation.id,
      detail: { revision: profile.revision, sharedWithMediator: profile.sharedWithMediator },
    },
  });
  return { profile, notices: checked.value.notices };
}

/** Profiles the viewer may read that are not its own: for the mediator, those shared with it. */
export async function sharedProfiles(
  deps: AppDeps,
  viewer: Viewer,
  negotiation: Negotiation,
): Promise<(PreferenceProfile & { partyName: string })[]> {
  const own = ownParty(viewer, negotiation)?.partyId;
  const [profiles, parties] = await Promise.all([
    listLatestProfiles(deps.db, { negotiationId: negotiation.id, sealKey: deps.sealKey }),
    listParties(deps.db, negotiation.id),
  ]);
  const readable = profiles.filter(
    (profile) =>
      profile.partyId !== own && can(viewer, 'profile.read', profileResource(negotiation, profile)),
  );
  // Together, so the reads' entries go into one batch of the chain.
  await Promise.all(readable.map((profile) => auditProfileRead(deps, viewer, { negotiation, profile })));
  return readable.map((profile) => ({
    ...profile,
    partyName: parties.find((party) => party.id === profile.partyId)?.name ?? '',
  }));
}
