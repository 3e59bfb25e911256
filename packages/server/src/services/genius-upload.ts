import {
  DomainError,
  IssueDefinitionSchema,
  MAX_ISSUE_OPTIONS,
  MAX_RANGE_VALUES,
  type IssueDefinition,
  type LiveIssue,
} from '@parley/core';
import { loadGeniusScenario, optionLabels, type Problem } from '@parley/engine';
import { unzipGeniusFolder } from './genius-archive';

export type UploadedIssue = {
  readonly name: string;
  readonly values: string[];
  /** The issue as Parley options, or why it cannot be one. */
  readonly definition: { ok: true; value: IssueDefinition } | { ok: false; message: string };
};
export type GeniusUpload = {
  readonly domainFile: string;
  readonly issues: readonly UploadedIssue[];
  readonly profileFiles: string[];
};

/** The first problems, each naming its file (and issue, or the line for malformed XML). */
export function describeProblems(problems: readonly Problem[]): string {
  const shown = problems.slice(0, 3).map((problem) => {
    const where = problem.issue === undefined ? problem.file : `${problem.file}, issue "${problem.issue}"`;
    return `${where}: ${problem.message}`;
  });
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `${shown.join('; ')}${more}.`;
}

/**
 * Reads an uploaded GENIUS folder: its domain's issues and the names of its profile files. The
 * profiles are still read, so a profile that names a value the domain lacks is refused here.
 */
export function readGeniusUpload(archive: string): GeniusUpload {
  const files = unzipGeniusFolder(archive);
  const loaded = loadGeniusScenario('upload', files, { minimumProfiles: 0 });
  if (!loaded.ok)
    throw new DomainError('invalid-input', describeProblems(loaded.problems), { field: 'archive' });
  const domainFile = files.find((file) => /<negotiation_template[\s>]/.test(file.contents))?.name ?? '';
  const profileFiles = loaded.value.parties.map((party) => `${party.name}.xml`);
  return {
    domainFile,
    profileFiles,
    issues: loaded.value.issues.map((issue) => {
      // A wide integer issue is refused before its values are spelled out (up to 10⁶ of them).
      if (issue.kind === 'integer' && issue.upperBound - issue.lowerBound + 1 > MAX_RANGE_VALUES)
        return {
          name: issue.name,
          values: [String(issue.lowerBound), String(issue.upperBound)],
          definition: {
            ok: false,
            message: `${domainFile}, issue "${issue.name}": an integer issue may span at most ${MAX_RANGE_VALUES} values`,
          },
        };
      const values = optionLabels(issue);
      if (issue.kind === 'discrete' && (values.length < 2 || values.length > MAX_ISSUE_OPTIONS))
        return {
          name: issue.name,
          values: values.slice(0, MAX_ISSUE_OPTIONS),
          definition: {
            ok: false,
            message: `${domainFile}, issue "${issue.name}": ${values.length} values (an issue takes 2 to ${MAX_ISSUE_OPTIONS})`,
          },
        };
      const candidate: unknown =
        issue.kind === 'discrete'
          ? { kind: 'options', options: values }
          : { kind: 'range', min: issue.lowerBound, max: issue.upperBound, step: 1, unit: '' };
      const parsed = IssueDefinitionSchema.safeParse(candidate);
      const distinct = new Set(values).size === values.length;
      return {
        name: issue.name,
        values,
        definition:
          parsed.success && distinct
            ? { ok: true, value: parsed.data }
            : {
                ok: false,
                message: `${domainFile}, issue "${issue.name}": ${parsed.success ? 'two values are the same' : (parsed.error.issues[0]?.message ?? 'not usable as options')}`,
              },
      };
    }),
  };
}

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** The point an issue goes to by default: the same title, or the name Parley's export gives it. */
export function suggestPoint(name: string, points: readonly LiveIssue[]): LiveIssue | undefined {
  const wanted = normalise(name);
  return (
    points.find((point) => normalise(point.title) === wanted) ??
    points.find((point) => normalise(`P${point.number} ${point.title}`) === wanted)
  );
}
