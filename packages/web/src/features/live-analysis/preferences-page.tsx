import {
  evaluationsOf,
  type GeniusDraft,
  type LiveIssue,
  type MyProfile,
  type PointId,
  type PreferenceProfile,
  type SaveProfileInput,
} from '@parley/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ApiError } from '../../api/api-error';
import { getMyProfile, listIssues, saveMyProfile } from '../../api/live-analysis-endpoints';
import { useResource } from '../../api/use-resource';
import { useSession } from '../../app/session';
import { CONFLICT_CHOICE_MESSAGE } from '../../components/conflict-choice';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { useKeptDraft } from '../../components/kept-draft';
import { KeptDraftNotice } from '../../components/kept-draft-notice';
import { usePageTitle } from '../../components/page-title';
import { Show } from '../../components/status';
import { usePointNames } from '../../components/use-point-names';
import { useNegotiation } from '../negotiation/negotiation-context';
import { GeniusDraftLoader } from './genius-draft-loader';
import { ProfileConflict } from './profile-conflict';
import { profileErrors, profileFieldId } from './profile-errors';
import { profileFields, ProfileEntrySchema, type ProfileEntry, type ProfileFields } from './profile-fields';

/** The form starts from a draft as from a saved profile, still editing the newest saved revision. */
function withDraft(mine: MyProfile, draft: GeniusDraft): MyProfile {
  // Only a negotiating party is shown the form (see below), so there is always a party here.
  if (mine.party === null) return mine;
  return {
    ...mine,
    profile: {
      partyId: mine.party.id,
      revision: mine.profile?.revision ?? 0,
      savedAt: '',
      scale: draft.scale,
      weighting: draft.weighting,
      reservation: draft.reservation,
      ...(draft.discount === null ? {} : { discount: draft.discount }),
      sharedWithMediator: mine.profile?.sharedWithMediator ?? false,
      weights: {},
      issues: draft.issues,
    },
  };
}

/**
 * A delegation's private preferences: ratings, weights or ranks, reservation, discount, and sharing.
 * Worded for a delegate: the reservation is its value of no agreement, the discount the value kept
 * by waiting.
 */
export function PreferencesPage() {
  const { negotiation, latestVersionId, tick } = useNegotiation();
  usePageTitle('Our preferences', negotiation.title);
  const [draft, setDraft] = useState<{ draft: GeniusDraft; count: number } | undefined>();
  const data = useResource(async () => {
    const [mine, issues] = await Promise.all([
      getMyProfile(negotiation.id),
      latestVersionId === undefined ? Promise.resolve(null) : listIssues(negotiation.id, latestVersionId),
    ]);
    return { mine, issues: (issues?.points ?? []).filter((point) => point.definition !== null) };
  }, [negotiation.id, latestVersionId, tick]);
  return (
    <section className="page" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Our preferences</h2>
      <p className="muted">
        Private to your delegation: no other party ever reads them or a number computed from them, and you may
        share them with the mediator. Parley uses them to suggest packages to every party, so the packages
        tell something of what you prefer; your audit log lists every analysis that read them, by whom and
        when.
      </p>
      <Show resource={data} what="your preferences">
        {({ mine, issues }) =>
          mine.party === null ? (
            <p>Only a negotiating party states preferences.</p>
          ) : issues.length === 0 ? (
            <p>The mediator has not marked any point as a negotiable issue yet.</p>
          ) : (
            <>
              {mine.canEdit && (
                <GeniusDraftLoader
                  negotiationId={negotiation.id}
                  onDraft={(loaded) => setDraft({ draft: loaded, count: (draft?.count ?? 0) + 1 })}
                />
              )}
              <UnratedNotice mine={mine} issues={issues} />
              <ProfileForm
                key={`${mine.profile?.revision ?? 0}:${draft?.count ?? 0}`}
                mine={draft === undefined ? mine : withDraft(mine, draft.draft)}
                isFromFile={draft !== undefined}
                issues={issues}
              />
            </>
          )
        }
      </Show>
    </section>
  );
}

/**
 * A saved profile the analysis leaves out, said where its delegation looks: the mediator changed an
 * issue's options (or made a point an issue) after it was saved, and a profile counts only when it
 * rates every option of every issue (services/live-analysis.ts, `countable`).
 */
function UnratedNotice({ mine, issues }: { mine: MyProfile; issues: LiveIssue[] }) {
  const { negotiation, latestVersionId } = useNegotiation();
  const nameOf = usePointNames(negotiation.id, latestVersionId);
  const saved = mine.profile;
  if (saved === null) return null;
  const unrated = issues.filter(
    (issue) =>
      issue.definition !== null &&
      !issue.needsReconciling &&
      evaluationsOf(
        issue.definition,
        saved.issues.find((entry) => entry.pointId === issue.pointId)?.ratings,
        saved.scale,
      ) === undefined,
  );
  if (unrated.length === 0) return null;
  return (
    <p className="warning" role="note">
      Your saved preferences (revision {saved.revision}) do not rate every option of{' '}
      {unrated.map((issue) => `point ${nameOf(issue)}`).join(', ')} (the mediator set its options after you
      saved): until you rate {unrated.length === 1 ? 'it' : 'them'} and save, they are left out of the
      suggested packages and the simulation.
    </p>
  );
}

type Entry = ProfileEntry;
/** The form as typed, kept in the tab with the revision it started from (as a position is). */
const KeptProfileSchema = z
  .object({
    baseRevision: z.number().int().nonnegative(),
    weighting: z.enum(['weights', 'ranks']),
    reservation: z.string(),
    discount: z.string(),
    shared: z.boolean(),
    entries: z.record(z.string(), ProfileEntrySchema),
  })
  .nullable();
type KeptProfile = z.infer<typeof KeptProfileSchema>;

/** The entries kept for the issues as they are now: an issue whose options changed starts afresh. */
function keptEntries(
  fresh: Record<string, Entry>,
  kept: Record<string, Entry> | undefined,
): Record<string, Entry> {
  if (kept === undefined) return fresh;
  const sameKeys = (a: Entry, b: Entry) =>
    Object.keys(a.ratings).sort().join('\n') === Object.keys(b.ratings).sort().join('\n');
  return Object.fromEntries(
    Object.entries(fresh).map(([pointId, entry]) => {
      const old = kept[pointId];
      return [pointId, old !== undefined && sameKeys(old, entry) ? old : entry];
    }),
  );
}

// Read after the field's name: the concept in one line, kept out of the name a screen reader repeats.
const HINTS = { reservation: 'preferences-reservation-hint', discount: 'preferences-discount-hint' };

function ProfileForm({
  mine,
  issues,
  isFromFile,
}: {
  mine: MyProfile;
  issues: LiveIssue[];
  /** Filled in from a GENIUS file: unsaved work from the start, which replaces any kept before. */
  isFromFile: boolean;
}) {
  const { negotiation, latestVersionId } = useNegotiation();
  const { me } = useSession();
  const nameOf = usePointNames(negotiation.id, latestVersionId);
  // Ratings typed for several issues are work: another section or a reload must not lose them.
  const kept = useKeptDraft<KeptProfile>({
    key: `parley.preferences.${me.user.id}.${negotiation.id}`,
    schema: KeptProfileSchema,
    empty: null,
    isEmpty: (value) => value === null,
  });
  const [restored] = useState(() => (isFromFile ? null : kept.value));
  // The profile the form's work is measured against: the page's, or theirs once kept after a 409.
  const [saved, setSaved] = useState(mine.profile);
  const fromSaved = (): ProfileFields => profileFields(saved, issues);
  const [initial] = useState(() => ({
    ...fromSaved(),
    ...restored,
    entries: keptEntries(fromSaved().entries, restored?.entries),
  }));
  const [revision, setRevision] = useState(restored?.baseRevision ?? saved?.revision ?? 0);
  const [weighting, setWeighting] = useState<'weights' | 'ranks'>(initial.weighting);
  const [reservation, setReservation] = useState(initial.reservation);
  const [discount, setDiscount] = useState(initial.discount);
  const [shared, setShared] = useState(initial.shared);
  const [entries, setEntries] = useState<Record<string, Entry>>(initial.entries);
  // Whatever differs from the saved profile is work, kept with the revision it started from; put
  // back as saved (or discarded), nothing is kept.
  useEffect(() => {
    const work = { weighting, reservation, discount, shared, entries };
    if (JSON.stringify(work) !== JSON.stringify(fromSaved()))
      kept.setValue({ baseRevision: revision, ...work });
    else if (kept.value !== null) kept.discard();
    // `revision` changes only on a save, which forgets the kept work rather than keep it again.
  }, [weighting, reservation, discount, shared, entries]);
  const fill = (profile: PreferenceProfile | null) => {
    const values = profileFields(profile, issues);
    setWeighting(values.weighting);
    setReservation(values.reservation);
    setDiscount(values.discount);
    setShared(values.shared);
    setEntries(values.entries);
    setRevision(profile?.revision ?? 0);
    kept.discard();
  };
  const discardKept = () => fill(saved);
  // What another member of the delegation saved meanwhile, after a 409: shown beside the form
  // until the user saves theirs over it or keeps it.
  const [theirs, setTheirs] = useState<PreferenceProfile | undefined>();
  const keepTheirs = (profile: PreferenceProfile) => {
    // Theirs becomes the saved profile the work is measured against: the form then holds no work,
    // so nothing is kept in the tab to come back after a reload.
    setSaved(profile);
    fill(profile);
    setTheirs(undefined);
    setErrors([]);
    setStatus(`Revision ${profile.revision}, saved by someone else in your delegation, is in the form.`);
  };
  const [status, setStatus] = useState<string | undefined>();
  const [errors, setErrors] = useState<readonly SummaryError[]>([]);
  const invalid = new Set(errors.map((error) => error.fieldId));
  const invalidIf = (fieldId: string) => ({ id: fieldId, 'aria-invalid': invalid.has(fieldId) || undefined });
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const update = (pointId: PointId, change: (entry: Entry) => Entry) =>
    setEntries((all) => ({
      ...all,
      [pointId]: change(all[pointId] ?? { ratings: {}, weight: '1', rank: '1' }),
    }));

  const save = async (baseRevision: number) => {
    setBusy(true);
    setStatus(undefined);
    setErrors([]);
    const body: SaveProfileInput = {
      baseRevision,
      scale: 'percent',
      weighting,
      reservation: Number(reservation),
      ...(discount.trim() === '' ? {} : { discount: Number(discount) }),
      sharedWithMediator: shared,
      issues: issues.map((issue) => {
        const entry = entries[issue.pointId];
        return {
          pointId: issue.pointId,
          ratings: Object.fromEntries(
            Object.entries(entry?.ratings ?? {})
              .filter(([, value]) => value.trim() !== '')
              .map(([key, value]) => [key, Number(value)]),
          ),
          ...(weighting === 'weights'
            ? { weight: Number(entry?.weight ?? 0) }
            : { rank: Number(entry?.rank ?? 0) }),
        };
      }),
    };
    try {
      const result = await saveMyProfile(negotiation.id, body);
      setRevision(result.profile.revision);
      setSaved(result.profile);
      setTheirs(undefined);
      kept.discard();
      setStatus([`Saved as revision ${result.profile.revision}.`, ...result.notices].join(' '));
      statusRef.current?.focus();
    } catch (failure) {
      const stored = await savedMeanwhile(failure);
      setTheirs(stored);
      // The summary takes the focus when it appears. With their change shown, it says to choose
      // rather than to reload, which would lose nothing typed but hide what they saved.
      setErrors(
        stored === undefined ? profileErrors(failure, body, issues) : [{ text: CONFLICT_CHOICE_MESSAGE }],
      );
    } finally {
      setBusy(false);
    }
  };
  const savedMeanwhile = async (failure: unknown) => {
    if (!(failure instanceof ApiError && failure.isConflict)) return undefined;
    const latest = await getMyProfile(negotiation.id).catch(() => undefined);
    return latest?.profile ?? undefined;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(revision);
  };

  return (
    <form className="card form preferences" aria-label="Our preferences" onSubmit={onSubmit}>
      <ErrorSummary title="Your preferences were not saved" errors={errors} />
      <KeptDraftNotice
        isRestored={restored !== null && kept.isRestored}
        hasWork={kept.hasWork}
        onDiscard={discardKept}
      />
      <p className="muted">
        {revision === 0 ? 'Not saved yet.' : `Revision ${revision}.`} Rate each option from 0 (worst) to 100
        (best).
      </p>
      <fieldset>
        <legend>How the issues count</legend>
        <label className="inline">
          <input
            type="radio"
            name="weighting"
            checked={weighting === 'weights'}
            onChange={() => setWeighting('weights')}
          />
          Weights: how much each point matters to you (any numbers; only their proportions count)
        </label>
        <label className="inline">
          <input
            type="radio"
            name="weighting"
            checked={weighting === 'ranks'}
            onChange={() => setWeighting('ranks')}
          />
          Ranks: 1 for the point that matters most, 2 for the next, and so on
        </label>
      </fieldset>
      {issues.map((issue) => {
        const entry = entries[issue.pointId];
        return (
          <fieldset key={issue.pointId}>
            <legend>{nameOf(issue)}</legend>
            {Object.entries(entry?.ratings ?? {}).map(([key, value]) => (
              <label key={key}>
                {issue.definition?.kind === 'range'
                  ? `Rating at ${key === 'min' ? issue.definition.min : issue.definition.max} ${issue.definition.unit}`
                  : `Rating of “${key}”`}
                <input
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  value={value}
                  {...invalidIf(profileFieldId.rating(issue, key))}
                  onChange={(e) =>
                    update(issue.pointId, (old) => ({
                      ...old,
                      ratings: { ...old.ratings, [key]: e.target.value },
                    }))
                  }
                />
              </label>
            ))}
            {weighting === 'weights' ? (
              <label>
                Weight of point {issue.number}
                <input
                  type="number"
                  min={0}
                  step="any"
                  value={entry?.weight ?? ''}
                  {...invalidIf(profileFieldId.weight(issue))}
                  onChange={(e) => update(issue.pointId, (old) => ({ ...old, weight: e.target.value }))}
                />
              </label>
            ) : (
              <label>
                Rank of point {issue.number}
                <input
                  type="number"
                  min={1}
                  step={1}
                  value={entry?.rank ?? ''}
                  {...invalidIf(profileFieldId.rank(issue))}
                  onChange={(e) => update(issue.pointId, (old) => ({ ...old, rank: e.target.value }))}
                />
              </label>
            )}
          </fieldset>
        );
      })}
      <label>
        Value of no agreement (0–100)
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          value={reservation}
          {...invalidIf(profileFieldId.reservation)}
          aria-describedby={HINTS.reservation}
          onChange={(e) => setReservation(e.target.value)}
        />
      </label>
      <p id={HINTS.reservation} className="muted small">
        How good it is for you if the talks end without agreement, on the scale of your ratings: a package
        rated below it is worse for you than no deal.
      </p>
      <label>
        Value kept by waiting (above 0 up to 1; optional)
        <input
          type="number"
          min={0}
          max={1}
          step="any"
          value={discount}
          {...invalidIf(profileFieldId.discount)}
          aria-describedby={HINTS.discount}
          onChange={(e) => setDiscount(e.target.value)}
        />
      </label>
      <p id={HINTS.discount} className="muted small">
        What an agreement reached at the next deadline is worth to you against the same agreement now: 0.9
        means it loses a tenth of its value by waiting. Leave it empty if waiting costs you nothing.
      </p>
      <label className="check">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
        Share with the mediator
      </label>
      <p
        ref={statusRef}
        tabIndex={-1}
        // Kept on the page as an empty live region, so the outcome is announced, but unstyled until
        // there is one: an empty green bar read as a success before anything was saved.
        className={status === undefined ? undefined : 'ok'}
        role="status"
      >
        {status}
      </p>
      {theirs !== undefined && (
        <ProfileConflict
          theirs={theirs}
          yours={{ weighting, reservation, discount, shared, entries }}
          issues={issues}
          busy={busy}
          onSaveMine={() => void save(theirs.revision)}
          onKeepTheirs={() => keepTheirs(theirs)}
        />
      )}
      <button type="submit" disabled={busy || mine.canEdit === false}>
        Save preferences
      </button>
    </form>
  );
}
