import type {
  IssueDefinition,
  LiveAnalysis,
  LiveIssue,
  LiveIssues,
  MyProfile,
  PreferenceProfile,
  SavedProfile,
  SuggestedPackage,
} from '@parley/core';

// Preference profiles are the most sensitive data Parley holds (DESIGN §2): which profiles and which
// utilities reach a viewer is the service's decision (with `can()`); naming every field here keeps
// anything else stored beside them from following.

type Choice = SuggestedPackage['choices'][number];
type ProfileIssue = PreferenceProfile['issues'][number];

const presentDefinition = (definition: IssueDefinition | null): IssueDefinition | null => {
  if (definition === null) return null;
  if (definition.kind === 'options') return { kind: 'options', options: [...definition.options] };
  return {
    kind: 'range',
    min: definition.min,
    max: definition.max,
    step: definition.step,
    unit: definition.unit,
  };
};

export const presentLiveIssue = (issue: LiveIssue): LiveIssue => ({
  pointId: issue.pointId,
  number: issue.number,
  title: issue.title,
  definition: presentDefinition(issue.definition),
  needsReconciling: issue.needsReconciling,
  from: [...issue.from],
});

export const presentLiveIssues = (issues: LiveIssues): LiveIssues => ({
  versionId: issues.versionId,
  points: issues.points.map(presentLiveIssue),
});

const presentProfileIssue = (issue: ProfileIssue): ProfileIssue => ({
  pointId: issue.pointId,
  ratings: { ...issue.ratings },
  ...(issue.weight === undefined ? {} : { weight: issue.weight }),
  ...(issue.rank === undefined ? {} : { rank: issue.rank }),
});

export const presentProfile = (profile: PreferenceProfile): PreferenceProfile => ({
  scale: profile.scale,
  weighting: profile.weighting,
  issues: profile.issues.map(presentProfileIssue),
  reservation: profile.reservation,
  ...(profile.discount === undefined ? {} : { discount: profile.discount }),
  sharedWithMediator: profile.sharedWithMediator,
  partyId: profile.partyId,
  revision: profile.revision,
  weights: { ...profile.weights },
  savedAt: profile.savedAt,
});

export const presentMyProfile = (mine: MyProfile): MyProfile => ({
  party: mine.party === null ? null : { id: mine.party.id, name: mine.party.name },
  canEdit: mine.canEdit,
  profile: mine.profile === null ? null : presentProfile(mine.profile),
});

export const presentSavedProfile = (saved: SavedProfile): SavedProfile => ({
  profile: presentProfile(saved.profile),
  notices: [...saved.notices],
});

export const presentSharedProfile = (
  shared: PreferenceProfile & { partyName: string },
): PreferenceProfile & { partyName: string } => ({
  ...presentProfile(shared),
  partyName: shared.partyName,
});

export const presentChoice = (choice: Choice): Choice => ({
  pointId: choice.pointId,
  number: choice.number,
  title: choice.title,
  option: choice.option,
});

const presentPackage = (suggested: SuggestedPackage): SuggestedPackage => ({
  kinds: [...suggested.kinds],
  choices: suggested.choices.map(presentChoice),
  utilities: suggested.utilities.map((entry) => ({
    partyId: entry.partyId,
    partyName: entry.partyName,
    utility: entry.utility,
  })),
});

/** The analysis as the service cut it for this viewer: only the utilities it may read. */
export const presentLiveAnalysis = (analysis: LiveAnalysis): LiveAnalysis => ({
  versionId: analysis.versionId,
  disclosedParties: analysis.disclosedParties.map((party) => ({
    partyId: party.partyId,
    partyName: party.partyName,
  })),
  packages: analysis.packages.map(presentPackage),
  improvements: analysis.improvements.map(presentPackage),
  contention:
    analysis.contention === null
      ? null
      : analysis.contention.map((entry) => ({
          pointId: entry.pointId,
          number: entry.number,
          contention: entry.contention,
        })),
  frontierSize: analysis.frontierSize,
  notices: [...analysis.notices],
});
