import {
  can,
  DomainError,
  evaluationsOf,
  issueOptions,
  type Analysis,
  type LiveAnalysis,
  type LiveAnalysisInput,
  type LiveIssue,
  type Negotiation,
  type PreferenceProfile,
  type SuggestedPackage,
  type Viewer,
  type PlanVersionId,
} from '@parley/core';
import type { Scenario } from '@parley/engine';
import { recordReadAudit } from '../audit';
import { listLatestProfiles } from '../storage/preference-profiles';
import { listParties } from '../storage/parties';
import { assertSpaceWithinBudget } from '../work/budgets';
import type { AppDeps } from './deps';
import { issuesAt } from './live-issues';
import { profileResource } from './preference-profiles';
import { assertAllowed } from './viewer';

export type Issue = LiveIssue & { definition: NonNullable<LiveIssue['definition']>; options: string[] };
export type Counted = { profile: PreferenceProfile; evaluations: number[][]; weights: number[] };

const SOLUTION_KINDS = [
  ['nash', 'nash'],
  ['kalaiSmorodinsky', 'kalai-smorodinsky'],
  ['utilitarian', 'utilitarian'],
  ['egalitarian', 'egalitarian'],
] as const;
const IMPROVEMENTS_SENT = 5;

/**
 * The neutral analysis of the live negotiation over the submitted profiles (docs/live-analysis.md).
 * The engine sees every profile; the answer carries, besides the packages, only numbers computed
 * from profiles the viewer may read (`profile.read`): its own, or those shared with the mediator.
 */
export async function runLiveAnalysis(
  deps: AppDeps,
  viewer: Viewer,
  input: {
    negotiation: Negotiation;
    versionId: PlanVersionId;
    body: LiveAnalysisInput;
    signal?: AbortSignal;
  },
): Promise<LiveAnalysis> {
  const { negotiation, versionId } = input;
  const all = await issuesAt(deps, viewer, { negotiation, versionId });
  assertAllowed(
    can(viewer, 'live-analysis.run', { kind: 'negotiation', negotiationId: negotiation.id }),
    'run the analysis of this negotiation',
  );
  const notices = all
    .filter((issue) => issue.definition !== null && issue.needsReconciling)
    .map(
      (issue) =>
        `Point ${issue.number} was merged or split; it is left out until the mediator reconciles its options.`,
    );
  const issues: Issue[] = all.flatMap((issue) =>
    issue.definition === null || issue.needsReconciling
      ? []
      : [{ ...issue, definition: issue.definition, options: issueOptions(issue.definition) }],
  );
  if (issues.length === 0)
    throw new DomainError('cannot-compute', 'No point of this version is a negotiable issue yet.');
  const packageOutcome =
    input.body.package === undefined ? undefined : checkPackage(issues, input.body.package);
  const [profiles, parties] = await Promise.all([
    listLatestProfiles(deps.db, { negotiationId: negotiation.id, sealKey: deps.sealKey }),
    listParties(deps.db, negotiation.id),
  ]);
  const counted = profiles.flatMap((profile) => {
    const entry = countable(profile, issues);
    if (entry === undefined && can(viewer, 'profile.read', profileResource(negotiation, profile)))
      notices.push(
        `${nameOf(parties, profile.partyId)}'s profile does not rate every issue of this version; it was left out.`,
      );
    return entry === undefined ? [] : [entry];
  });
  // No count of the profiles that do: whether another party's profile is complete is that party's.
  if (counted.length < 2)
    throw new DomainError(
      'cannot-compute',
      'The analysis needs the profiles of at least two parties rating every issue of this version.',
    );
  const analysis = await analyzeLiveSpace(deps, {
    issues,
    counted,
    package: packageOutcome,
    signal: input.signal,
  });
  const disclosed = counted.flatMap((entry, index) =>
    can(viewer, 'profile.read', profileResource(negotiation, entry.profile)) ? [{ entry, index }] : [],
  );
  await recordReadAudit(deps.db, {
    at: deps.clock.now(),
    actorId: viewer.userId,
    action: 'live-analysis.run',
    subjectType: 'plan_version',
    subjectId: versionId,
    negotiationId: negotiation.id,
    // Whose profiles the engine read, so each delegation finds every run over its own in its log
    // (the log shows a viewer only the parties it may know were counted: audit-material.ts).
    detail: {
      disclosedPartyIds: disclosed.map(({ entry }) => entry.profile.partyId),
      countedPartyIds: counted.map((entry) => entry.profile.partyId),
    },
  });
  const present = (outcome: Record<string, string>, utilities: readonly number[], kinds: string[]) =>
    ({
      kinds,
      choices: issues.map((issue) => ({
        pointId: issue.pointId,
        number: issue.number,
        title: issue.title,
        option: outcome[issue.pointId] ?? '',
      })),
      utilities: disclosed.map(({ entry, index }) => ({
        partyId: entry.profile.partyId,
        partyName: nameOf(parties, entry.profile.partyId),
        utility: round(utilities[index] ?? 0),
      })),
    }) satisfies SuggestedPackage;
  return {
    versionId,
    disclosedParties: disclosed.map(({ entry }) => ({
      partyId: entry.profile.partyId,
      partyName: nameOf(parties, entry.profile.partyId),
    })),
    packages: suggested(analysis).map(({ point, kinds }) => present(point.outcome, point.utilities, kinds)),
    improvements: analysis.improvements
      .slice(0, IMPROVEMENTS_SENT)
      .map((improvement) => present(improvement.outcome, improvement.utilities, ['improvement'])),
    // Contention weighs every party's importance: only a viewer who may read every counted profile gets it.
    contention:
      disclosed.length === counted.length
        ? analysis.contention.flatMap((entry) => {
            // The engine names issues by their point's id; its own copy of the name is a plain string.
            const issue = issues.find((candidate) => candidate.pointId === entry.issue);
            if (issue === undefined) return [];
            return [{ pointId: issue.pointId, number: issue.number, contention: round(entry.contention) }];
          })
        : null,
    frontierSize: disclosed.length === counted.length ? analysis.frontier.size : null,
    notices,
  };
}

// The bargaining solutions, one package each; a package several solutions agree on is listed once.
function suggested(analysis: Analysis) {
  const packages: { point: NonNullable<Analysis['solutions']['nash']>; kinds: string[] }[] = [];
  for (const [key, kind] of SOLUTION_KINDS) {
    const point = analysis.solutions[key];
    if (point === null) continue;
    const same = packages.find((entry) => sameOutcome(entry.point.outcome, point.outcome));
    if (same === undefined) packages.push({ point, kinds: [kind] });
    else same.kinds.push(kind);
  }
  return packages;
}

function sameOutcome(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** A profile counts when it rates every issue analysed; its weights are rescaled over those issues. */
export function countable(profile: PreferenceProfile, issues: readonly Issue[]): Counted | undefined {
  const evaluations: number[][] = [];
  for (const issue of issues) {
    const ratings = profile.issues.find((entry) => entry.pointId === issue.pointId)?.ratings;
    const values = evaluationsOf(issue.definition, ratings, profile.scale);
    if (values === undefined) return undefined;
    evaluations.push(values);
  }
  const raw = issues.map((issue) => profile.weights[issue.pointId] ?? 0);
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return undefined;
  return { profile, evaluations, weights: raw.map((weight) => weight / total) };
}

/**
 * The engine's analysis of a version's issues under the counted profiles, within the instance's
 * budgets: NegMAS semantics, because live profiles are linear like its scenarios.
 */
export function analyzeLiveSpace(
  deps: AppDeps,
  input: {
    issues: readonly Issue[];
    counted: readonly Counted[];
    package: Record<string, string> | undefined;
    signal: AbortSignal | undefined;
  },
) {
  assertSpaceWithinBudget(deps.budgets, {
    parties: input.counted.length,
    optionsPerIssue: input.issues.map((issue) => issue.options.length),
  });
  return deps.engine.run(
    {
      kind: 'analyze-scenario',
      scenario: scenarioOf(input.issues, input.counted),
      request: { semantics: 'negmas', package: input.package },
    },
    { timeoutMs: deps.budgets.analysisTimeMs, signal: input.signal },
  );
}

// Issues and parties are named by id inside the engine: labels never reach it, so nothing it
// returns can be mistaken for a plan's wording.
export function scenarioOf(issues: readonly Issue[], counted: readonly Counted[]): Scenario {
  return {
    name: 'live',
    issues: issues.map((issue) => ({ name: issue.pointId, kind: 'discrete', options: issue.options })),
    parties: counted.map((entry) => ({
      name: entry.profile.partyId,
      reservation: entry.profile.reservation / (entry.profile.scale === 'percent' ? 100 : 1),
      // Analyses are at time 0, where it is 1; it travels so that a GENIUS export writes it.
      ...(entry.profile.discount !== undefined && { discount: entry.profile.discount }),
      weights: entry.weights,
      valuations: entry.evaluations.map((evaluations) => ({ kind: 'discrete', evaluations })),
    })),
  };
}

export function checkPackage(issues: readonly Issue[], sent: Record<string, string>): Record<string, string> {
  for (const pointId of Object.keys(sent))
    if (!issues.some((issue) => issue.pointId === pointId))
      throw new DomainError(
        'invalid-input',
        `The package names ${pointId}, which is not an issue of this version.`,
        {
          field: 'package',
        },
      );
  for (const issue of issues) {
    const chosen = sent[issue.pointId];
    if (chosen === undefined)
      throw new DomainError('invalid-input', `The package names no option for point ${issue.number}.`, {
        field: 'package',
      });
    if (!issue.options.includes(chosen))
      throw new DomainError('invalid-input', `Point ${issue.number} has no option "${chosen}".`, {
        field: 'package',
      });
  }
  return sent;
}

function nameOf(parties: readonly { id: string; name: string }[], partyId: string): string {
  return parties.find((party) => party.id === partyId)?.name ?? '';
}

/** Six decimals: enough to compare packages, and the same bytes for the same profile. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
