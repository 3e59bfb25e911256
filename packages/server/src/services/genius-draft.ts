import {
  DomainError,
  issueOptions,
  MAX_RANGE_VALUES,
  type GeniusDraft,
  type GeniusDraftInput,
  type LiveIssue,
  type Negotiation,
  type Viewer,
} from '@parley/core';
import { loadGeniusScenario, optionLabels, type ScenarioIssue, type ScenarioParty } from '@parley/engine';
import type { AppDeps } from './deps';
import { unzipGeniusFolder } from './genius-archive';
import { roundDraft } from './genius-draft-rounding';
import { describeProblems, suggestPoint } from './genius-upload';
import { issuesAt, latestVersionId } from './live-issues';
import { requireProfileWriter } from './preference-profiles';

const invalid = (message: string, field = 'archive', choices?: readonly string[]) =>
  new DomainError('invalid-input', message, { field, choices });
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * A delegation reads one GENIUS profile into a draft of its own profile: ratings per option,
 * weights and reservation, matched to the points of the plan's newest version by title, rounded to
 * what a person would type. Nothing is stored; the delegation checks the draft and saves it as any
 * other revision (docs/live-analysis.md).
 */
export async function draftFromGenius(
  deps: AppDeps,
  viewer: Viewer,
  input: { negotiation: Negotiation; body: GeniusDraftInput },
): Promise<GeniusDraft> {
  const { negotiation, body } = input;
  requireProfileWriter(viewer, negotiation);
  const versionId = await latestVersionId(deps, viewer, negotiation);
  if (versionId === null) throw new DomainError('cannot-compute', 'The negotiation has no plan yet.');
  const points = (await issuesAt(deps, viewer, { negotiation, versionId })).filter(
    (point) => point.definition !== null,
  );
  const loaded = loadGeniusScenario('upload', unzipGeniusFolder(body.archive), { minimumProfiles: 1 });
  if (!loaded.ok) throw invalid(describeProblems(loaded.problems));
  const { issues, parties } = loaded.value;
  const files = parties.map((party) => `${party.name}.xml`);
  const index =
    body.profileFile === undefined ? (files.length === 1 ? 0 : -1) : files.indexOf(body.profileFile);
  const party = parties[index];
  if (party === undefined)
    throw invalid(
      body.profileFile === undefined
        ? `The file holds ${files.length} profiles: choose yours (${files.join(', ')}).`
        : `The file holds no profile "${body.profileFile}": choose one of ${files.join(', ')}.`,
      'profileFile',
      files,
    );
  const notices: string[] = [];
  const drafted = points.map((point) =>
    draftIssue({ point, issues, party, file: files[index] ?? '', notices }),
  );
  const used = new Set(drafted.map((entry) => entry.issueName));
  for (const issue of issues)
    if (!used.has(issue.name)) notices.push(`The issue "${issue.name}" matches no point; it was left out.`);
  return roundDraft({
    profileFile: files[index] ?? '',
    scale: 'unit',
    weighting: 'weights',
    reservation: clamp01(party.reservation ?? 0),
    discount: geniusDiscount(party.discount),
    issues: drafted.map(({ issueName: _issueName, ...entry }) => entry),
    notices,
  });
}

/** GENIUS's `validateDiscount`: only a factor strictly between 0 and 1 discounts. */
function geniusDiscount(factor: number | undefined): number | null {
  return factor !== undefined && factor > 0 && factor < 1 ? factor : null;
}

type DraftContext = {
  point: LiveIssue;
  issues: readonly ScenarioIssue[];
  party: ScenarioParty;
  file: string;
  notices: string[];
};

function draftIssue({ point, issues, party, file, notices }: DraftContext) {
  const definition = point.definition;
  const issueIndex = issues.findIndex((issue) => suggestPoint(issue.name, [point]) !== undefined);
  const issue = issues[issueIndex];
  if (definition === null || issue === undefined)
    throw invalid(
      `Point ${point.number} (${point.title}) is not in the file: its issues are matched to points by title.`,
    );
  // A point has at most 101 values: a wider integer issue cannot be it (and is not spelled out).
  if (issue.kind === 'integer' && issue.upperBound - issue.lowerBound + 1 > MAX_RANGE_VALUES)
    throw invalid(`The issue "${issue.name}" spans more than ${MAX_RANGE_VALUES} values.`);
  const labels = optionLabels(issue);
  const values = evaluations(issue, party.valuations[issueIndex]);
  if (values.some((value) => value < 0 || value > 1))
    notices.push(
      `Point ${point.number}: ${file} rates it outside 0 to 1; its ratings were scaled so that none is above the top or below 0.`,
    );
  const largest = Math.max(...values);
  const scaled = values.map((value) => clamp01(largest > 1 ? value / largest : value));
  const ratingOf = (label: string) => {
    const at = labels.indexOf(label);
    if (at < 0)
      throw invalid(`Point ${point.number} has the option "${label}", which ${file} does not rate.`);
    return scaled[at] ?? 0;
  };
  const options = issueOptions(definition);
  const ratings =
    definition.kind === 'options'
      ? Object.fromEntries(options.map((option) => [option, ratingOf(option)]))
      : { min: ratingOf(options[0] ?? ''), max: ratingOf(options[options.length - 1] ?? '') };
  if (definition.kind === 'range')
    notices.push(`Point ${point.number} is a range: only the ratings of its two ends were read.`);
  return {
    issueName: issue.name,
    pointId: point.pointId,
    ratings,
    weight: Math.max(0, party.weights[issueIndex] ?? 1),
  };
}

/** A profile's value of each of the issue's values, as GENIUS reads it (integer evaluators clamped). */
function evaluations(issue: ScenarioIssue, valuation: ScenarioParty['valuations'][number]): number[] {
  const count = optionLabels(issue).length;
  if (valuation === undefined) return new Array<number>(count).fill(0);
  if (valuation.kind === 'discrete') return [...valuation.evaluations];
  // GENIUS reads an integer evaluator from the lower bound: clamp01(slope·(x − lower) + offset).
  return Array.from({ length: count }, (_, step) => clamp01(valuation.slope * step + valuation.offset));
}
